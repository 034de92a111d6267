/**
 * The contract's recipient rules as SQL: each a subquery of user ids, correlated with the case
 * `c` (and the intervention `i`) of the statement it is joined into. Only active users are told.
 * Area codes hold no `%` or `_`, so `path || '.%'` matches exactly the areas below a path.
 */
export const RECIPIENTS = {
  /** Active staff of the intervention’s agency (their role is the agency’s code) whose area holds the intervention’s area. */
  agencyStaff: `
    SELECT u.id FROM users u JOIN areas a ON a.code = u.area_code
     WHERE u.active AND u.role = i.agency AND (i.area_path = a.path OR i.area_path LIKE a.path || '.%')`,

  /** The commune chairs of the case's commune. */
  communeChairs: `
    SELECT u.id FROM users u WHERE u.active AND u.role = 'commune_chair' AND u.area_code = c.area_code`,

  /** The provincial officers whose area holds the case (escalations). */
  provincialOfficers: `
    SELECT u.id FROM users u JOIN areas a ON a.code = u.area_code
     WHERE u.active AND u.role = 'provincial_officer' AND (c.area_path = a.path OR c.area_path LIKE a.path || '.%')`,

  /** Whoever runs the case: its assignee, or the case's commune officers while it has none. */
  caseOwners: `
    SELECT c.assignee_id AS id WHERE c.assignee_id IS NOT NULL
    UNION SELECT u.id FROM users u
     WHERE c.assignee_id IS NULL AND u.active AND u.role = 'commune_officer' AND u.area_code = c.area_code`,

  /** The commune officers and chairs of the commune a pending transfer would move the case to. */
  transferTargets: `
    SELECT u.id FROM users u JOIN areas a ON a.code = u.area_code
     WHERE u.active AND u.role IN ('commune_officer', 'commune_chair') AND a.path = c.transfer_area_path`,
} as const;
