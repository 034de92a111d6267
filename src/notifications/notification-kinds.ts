/** The kinds of the contract's inbox (their labels are in GET /codes, `notificationKinds`). */
export const NOTIFICATION_KINDS = [
  'referral',
  'deadline_approaching',
  'deadline_overdue',
  'plan_awaiting_approval',
  'transfer_requested',
  'intervention_updated',
  'report_received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
