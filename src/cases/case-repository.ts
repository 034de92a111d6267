import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseState, CaseStatus } from '../domain/workflow';
import { KpiFactsService } from '../statistics/kpi-facts.service';
import { StatisticsFactsService } from '../statistics/statistics-facts.service';
import { randomUUID } from 'node:crypto';
import { numberCasesSql, provisionalNumber } from './case-number';
import { runBatch, SqlStatement } from '../database/statement-batch';
import { CASE_INTERVENTIONS_SCOPE_JSON } from './case-scope';
import { DueDeadline } from './deadlines';
import { prepared } from '../database/prepared-statements';

/** A row of a numbering statement. */
interface NumberRow {
  provisional: string;
  value: string;
}

/** A case as a workflow step finds it, locked for the step's transaction. */
export interface LockedCase extends CaseState {
  version: number;
  form: string;
  receivedAt: Date;
  riskLevel: string | null;
  emergency: boolean;
  childId: string;
  areaCode: string;
  areaPath: string;
  /** The target area of the pending transfer, if one is pending. */
  transferAreaPath: string | null;
}

/** Everything a new case row holds, its number drawn from the province's counter. */
export interface NewCase {
  childId: string;
  category: string;
  form: string;
  fatal: boolean;
  allegedPerpetrator: string | null;
  receivedAt: Date;
  occurredAt: Date | null;
  eventDate: string;
  ageAtEvent: number;
  sex: string;
  provinceCode: string;
  area: { code: string; path: string };
  residence: { code: string; path: string };
  deadlines: readonly DueDeadline[];
  reportId: string;
  /** The year the case is numbered in (its receipt, in Vietnam). */
  numberYear: number;
}

export interface CaseRef {
  id: string;
  caseNumber: string;
}

/** An open case a new report may join, with where it lies for the filer's read check. */
export interface OpenCase extends CaseRef, Record<string, unknown> {
  areaPath: string;
  transferAreaPath: string | null;
  interventions: { agency: string; areaPath: string }[];
}

/** A new case, and the officer it went to when its commune has exactly one. */
export interface OpenedCase extends CaseRef {
  assigneeId: string | null;
}

/** A column of the first report of the case (`cases`, or the alias given, in the query), as a scalar subquery. */
export const firstReport = (column: string, cases = 'cases') => `(SELECT r.${column} FROM case_reports cr
   JOIN reports r ON r.id = cr.report_id WHERE cr.case_id = ${cases}.id ORDER BY r.received_at, r.id LIMIT 1)`;

/** The commune's only active commune officer, or NULL when it has none or several. */
const ONLY_COMMUNE_OFFICER = `(SELECT (array_agg(u.id))[1] FROM users u
  WHERE u.area_code = $12 AND u.active AND u.role = 'commune_officer' HAVING count(*) = 1)`;

/** Whether a temporary separation of the case (`cases` in the query) is in force: its end not yet met. */
export const SEPARATING = `EXISTS (SELECT 1 FROM deadlines sd WHERE sd.case_id = cases.id AND sd.kind = 'separation_end'
                                   AND sd.intervention_id IS NULL AND sd.met_at IS NULL)`;

/** Columns a correction may set (PATCH /cases/{id} and /cases/{id}/child), version aside. */
export const CORRECTABLE_COLUMNS = [
  'category',
  'form',
  'fatal',
  'occurred_at',
  'occurred_area_code',
  'alleged_perpetrator',
  'description_enc',
  'event_date',
  'age_at_event',
  'sex',
  'residence_area_code',
  'residence_area_path',
] as const;
export type CorrectedColumns = Partial<
  Record<(typeof CORRECTABLE_COLUMNS)[number], string | number | boolean | Date | null>
>;

/** A case as a correction finds it, locked: what it may change and what its rules need. */
export interface CaseForCorrection {
  id: string;
  version: number;
  childId: string;
  status: CaseStatus;
  category: string;
  form: string;
  fatal: boolean;
  receivedAt: Date;
  occurredAt: Date | null;
  /** As corrected, else as first reported, else the case's own commune. */
  occurredAreaCode: string;
  allegedPerpetrator: string | null;
  riskLevel: string | null;
  emergency: boolean;
  descriptionEnc: string | null;
  /** True when `descriptionEnc` is the case's own corrected description, not the first report's. */
  ownDescription: boolean;
}

/** One case of a child, as a correction of the child finds it. */
export interface ChildCase {
  id: string;
  version: number;
  occurredAt: Date | null;
  receivedAt: Date;
  areaPath: string;
  occurredAreaCode: string;
  occurredAreaPath: string;
}

/** Columns a step may set besides status and version. */
export type CaseChanges = Partial<Record<'risk_level' | 'emergency' | 'substantiation', string | boolean>>;

/** Columns the statistics facts are computed from: a change to any of them recomputes the child's facts. */
const COUNTED_COLUMNS: readonly string[] = [
  'substantiation',
  'category',
  'form',
  'fatal',
  'event_date',
  'age_at_event',
  'sex',
  'residence_area_path',
];

/**
 * The writes of one transaction on cases. It remembers the children whose cases it touched, and
 * `CaseRepository.transaction` recomputes their statistics facts before the commit: a step that
 * writes cases cannot forget the statistics. Likewise the cases whose status, deadlines or
 * interventions it wrote (deadlines are written only through a DeadlineStore, which needs these
 * writes): their KPI facts are recomputed before the commit.
 */
export class CaseWrites {
  private readonly touched = new Set<string>();
  private readonly createdHere = new Set<string>();
  private readonly touchedCases = new Set<string>();

  /** Cases and stand-ins opened here, numbered just before the commit (`numberOpened`). */
  private readonly toNumber: {
    kind: 'case' | 'stand_in';
    id: string;
    provisional: string;
    province: string;
    year: number;
  }[] = [];
  private readonly numbers = new Map<string, string>();
  private readonly childOfCase = new Map<string, string>();
  /** Statements that run after the numbering, with the facts' batch (`afterNumbering`). */
  private readonly afterNumbers: SqlStatement[] = [];

  constructor(readonly manager: EntityManager) {}

  /**
   * Gives the cases and stand-ins this transaction opened their numbers, in the order they were
   * opened, one statement per province and year. Last before the commit: the counter row it
   * locks is shared by every intake of the province.
   */
  async numberOpened(): Promise<void> {
    for (const statement of this.numberingStatements())
      this.takeNumbers((await this.manager.query(statement.sql, statement.params)) as NumberRow[]);
  }

  /**
   * A statement that needs the final case numbers (say, the notifications of a report): it runs
   * last before the commit, after the numbering, in the same round trip. Only statements whose
   * parameters the service made itself.
   */
  afterNumbering(statement: SqlStatement): void {
    this.afterNumbers.push(statement);
  }

  /** The statements given to `afterNumbering`, taken once. */
  takeAfterNumbering(): SqlStatement[] {
    return this.afterNumbers.splice(0);
  }

  /** The statements of `numberOpened`, for a caller that sends them with others in one round trip. */
  numberingStatements(): SqlStatement[] {
    const groups = new Map<string, typeof this.toNumber>();
    for (const entry of this.toNumber) {
      const key = `${entry.province}/${entry.year}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    this.toNumber.length = 0;
    return [...groups.values()].map((entries) => ({
      sql: numberCasesSql(),
      params: [
        entries[0].province,
        entries[0].year,
        entries.map((entry) => entry.id),
        entries.map((entry) => entry.provisional),
        entries.map((entry) => entry.kind),
      ],
    }));
  }

  /** What a numbering statement answered: provisional number → case number. */
  takeNumbers(rows: NumberRow[]): void {
    for (const row of rows) this.numbers.set(row.provisional, row.value);
  }

  /** A case's or stand-in's number as it stands after `numberOpened` (a known number stays itself). */
  numberOf(caseNumber: string): string {
    return this.numbers.get(caseNumber) ?? caseNumber;
  }

  /** The child's open case of a category, locked, for a new report to join. */
  async openCaseOf(childId: string, category: string): Promise<OpenCase | undefined> {
    const [row] = (await this.manager.query(
      `SELECT id, case_number AS "caseNumber", area_path AS "areaPath", transfer_area_path AS "transferAreaPath",
              ${CASE_INTERVENTIONS_SCOPE_JSON} AS interventions
         FROM cases
        WHERE child_id = $1 AND category = $2 AND status <> 'closed' ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [childId, category],
    )) as OpenCase[];
    return row;
  }

  /**
   * A new case, the deadlines its receipt sets and its report, in one statement; assigned to its
   * commune's commune officer when the commune has exactly one. Its `caseNumber` is provisional
   * until the transaction numbers it (`numberOpened`, then `numberOf`).
   * `childCreatedHere`: the child was inserted by this transaction, so no other can see it yet.
   */
  async open(kase: NewCase, childCreatedHere: boolean): Promise<OpenedCase> {
    const id = randomUUID();
    const [row] = (await this.manager.query(
      prepared(`WITH opened AS (
         INSERT INTO cases (id, case_number, child_id, category, form, fatal, alleged_perpetrator, received_at, occurred_at,
                            event_date, age_at_event, sex, province_code, area_code, area_path, residence_area_code,
                            residence_area_path, assignee_id)
         VALUES ($19, $20, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, ${ONLY_COMMUNE_OFFICER})
         RETURNING id, case_number, assignee_id
       ), due AS (
         INSERT INTO deadlines (case_id, kind, due_at)
         SELECT opened.id, d.kind, d.due_at FROM opened, unnest($16::text[], $17::timestamptz[]) AS d(kind, due_at)
       ), linked AS (
         INSERT INTO case_reports (case_id, report_id) SELECT opened.id, $18 FROM opened
       )
       SELECT id, case_number AS "caseNumber", assignee_id AS "assigneeId" FROM opened`),
      [
        kase.childId,
        kase.category,
        kase.form,
        kase.fatal,
        kase.allegedPerpetrator,
        kase.receivedAt,
        kase.occurredAt,
        kase.eventDate,
        kase.ageAtEvent,
        kase.sex,
        kase.provinceCode,
        kase.area.code,
        kase.area.path,
        kase.residence.code,
        kase.residence.path,
        kase.deadlines.map((d) => d.kind),
        kase.deadlines.map((d) => d.dueAt),
        kase.reportId,
        id,
        provisionalNumber(id),
      ],
    )) as OpenedCase[];
    this.toNumber.push({
      kind: 'case',
      id,
      provisional: row.caseNumber,
      province: kase.provinceCode,
      year: kase.numberYear,
    });
    this.touch(kase.childId, childCreatedHere);
    this.touchCase(row.id, kase.childId);
    return row;
  }

  /** A report joins cases that are already open. */
  async attachReport(cases: readonly { id: string; childId: string }[], reportId: string): Promise<void> {
    if (!cases.length) return;
    await this.manager.query(
      `INSERT INTO case_reports (case_id, report_id) SELECT DISTINCT unnest($1::uuid[]), $2::uuid ON CONFLICT DO NOTHING`,
      [cases.map((kase) => kase.id), reportId],
    );
    for (const kase of cases) {
      this.touch(kase.childId, false);
      this.childOfCase.set(kase.id, kase.childId);
    }
  }

  /**
   * A report joins an open case its filer may not read: the link carries the stand-in the filer is
   * told instead, an id of its own and the next number of the counter a new case would take.
   */
  async attachBehindStandIn(
    kase: { id: string; childId: string },
    reportId: string,
    numbering: Pick<NewCase, 'provinceCode' | 'numberYear'>,
  ): Promise<CaseRef> {
    const id = randomUUID();
    const [row] = (await this.manager.query(
      `INSERT INTO case_reports (case_id, report_id, receipt_case_id, receipt_case_number) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id, report_id) DO UPDATE SET receipt_case_id = case_reports.receipt_case_id
       RETURNING receipt_case_id AS id, receipt_case_number AS "caseNumber"`,
      [kase.id, reportId, id, provisionalNumber(id)],
    )) as CaseRef[];
    // The same hidden case twice in one report: one stand-in, numbered once.
    if (row.id === id)
      this.toNumber.push({
        kind: 'stand_in',
        id,
        provisional: row.caseNumber,
        province: numbering.provinceCode,
        year: numbering.numberYear,
      });
    this.touch(kase.childId, false);
    this.childOfCase.set(kase.id, kase.childId);
    return row;
  }

  async lockForStep(caseId: string): Promise<LockedCase | undefined> {
    const [row] = (await this.manager.query(
      `SELECT status, substantiation, version, form, received_at AS "receivedAt", risk_level AS "riskLevel", emergency, child_id AS "childId",
              area_code AS "areaCode", area_path AS "areaPath", transfer_area_path AS "transferAreaPath",
              ${SEPARATING} AS separating
         FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    )) as LockedCase[];
    return row;
  }

  /** A step's new status and changes; the version moves on. */
  async update(kase: { id: string; childId: string }, status: CaseStatus, changes: CaseChanges): Promise<void> {
    const columns = Object.keys(changes) as (keyof CaseChanges)[];
    const assignments = columns.map((column, index) => `, ${column} = $${index + 3}`).join('');
    await this.manager.query(
      `UPDATE cases SET status = $2, version = version + 1, updated_at = now()${assignments} WHERE id = $1`,
      [kase.id, status, ...columns.map((column) => changes[column])],
    );
    this.touchCase(kase.id);
    if (columns.some((column) => COUNTED_COLUMNS.includes(column))) this.touch(kase.childId, false);
  }

  /** The case for a correction, locked; undefined for an unknown id. */
  async lockForCorrection(caseId: string): Promise<CaseForCorrection | undefined> {
    const [row] = (await this.manager.query(
      `SELECT id, version, child_id AS "childId", status, category, form, fatal, received_at AS "receivedAt", occurred_at AS "occurredAt",
              coalesce(occurred_area_code, ${firstReport('occurred_area_code')}, area_code) AS "occurredAreaCode",
              alleged_perpetrator AS "allegedPerpetrator", risk_level AS "riskLevel", emergency,
              coalesce(description_enc, ${firstReport('description_enc')}) AS "descriptionEnc",
              description_enc IS NOT NULL AS "ownDescription"
         FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    )) as CaseForCorrection[];
    return row;
  }

  /**
   * The child's cases, locked, oldest first: a correction of the child reaches each of them. With
   * where each happened (as corrected, else as first reported), where the statistics fall back to
   * when the child's residence is unknown.
   */
  async lockCasesOfChild(childId: string): Promise<ChildCase[]> {
    return (await this.manager.query(
      `SELECT c.id, c.version, c.occurred_at AS "occurredAt", c.received_at AS "receivedAt", c.area_path AS "areaPath",
              a.code AS "occurredAreaCode", a.path AS "occurredAreaPath"
         FROM cases c
         JOIN areas a ON a.code = coalesce(c.occurred_area_code, ${firstReport('occurred_area_code', 'c')}, c.area_code)
        WHERE c.child_id = $1 ORDER BY c.created_at, c.id FOR UPDATE OF c`,
      [childId],
    )) as ChildCase[];
  }

  /**
   * A correction's new values (codes, dates, areas, the encrypted description); the version moves
   * on. Columns that count for the statistics make the child's facts be recomputed before the commit.
   */
  async correct(kase: { id: string; childId: string }, columns: CorrectedColumns): Promise<void> {
    const names = Object.keys(columns).filter((name) =>
      (CORRECTABLE_COLUMNS as readonly string[]).includes(name),
    ) as (keyof CorrectedColumns)[];
    const assignments = names.map((name, index) => `, ${name} = $${index + 2}`).join('');
    await this.manager.query(`UPDATE cases SET version = version + 1, updated_at = now()${assignments} WHERE id = $1`, [
      kase.id,
      ...names.map((name) => columns[name]),
    ]);
    if (names.some((name) => COUNTED_COLUMNS.includes(name))) this.touch(kase.childId, false);
    // Its area, event date or category may move its KPI facts.
    this.touchCase(kase.id);
  }

  /**
   * A merge: every case of `from` becomes a case of `into` (their versions move on); both children's
   * statistics facts are recomputed, so the merged child is counted once. Answers the cases moved.
   */
  async moveCasesToChild(from: string, into: string): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows] = (await this.manager.query(
      `UPDATE cases SET child_id = $2, version = version + 1, updated_at = now() WHERE child_id = $1 RETURNING id`,
      [from, into],
    )) as [{ id: string }[], number];
    this.touch(from, false);
    this.touch(into, false);
    return rows.map((row) => row.id);
  }

  /** A new assignee (or none); the version moves on. The assignee does not count for statistics. */
  async assign(caseId: string, assigneeId: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE cases SET assignee_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [caseId, assigneeId],
    );
  }

  /** A transfer to `targetPath` is pending: its case roles read the case meanwhile; the version moves on. */
  async markTransferPending(caseId: string, targetPath: string): Promise<void> {
    await this.manager.query(
      `UPDATE cases SET transfer_area_path = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [caseId, targetPath],
    );
  }

  /** The pending transfer was rejected: the case stays where it is; the version moves on. */
  async clearPendingTransfer(caseId: string): Promise<void> {
    await this.manager.query(
      `UPDATE cases SET transfer_area_path = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
      [caseId],
    );
  }

  /**
   * An accepted transfer: the case belongs to `area` now (its deadlines follow, as they join it),
   * with no assignee. Its number and the residence the statistics count stay as they were.
   */
  async moveToArea(caseId: string, area: { code: string; path: string }): Promise<void> {
    await this.manager.query(
      `UPDATE cases SET area_code = $2, area_path = $3, assignee_id = NULL, transfer_area_path = NULL,
                        version = version + 1, updated_at = now()
        WHERE id = $1`,
      [caseId, area.code, area.path],
    );
    this.touchCase(caseId);
  }

  /** A case whose deadlines or interventions this transaction wrote: its KPI facts are recomputed. */
  touchCase(caseId: string, childId?: string): void {
    this.touchedCases.add(caseId);
    if (childId) this.childOfCase.set(caseId, childId);
  }

  /** Children whose facts this transaction must recompute, which of them it created, and the cases. */
  pending(): { childIds: string[]; createdHere: string[]; caseIds: string[]; ownersKnown: boolean } {
    const caseIds = [...this.touchedCases];
    return {
      childIds: [...this.touched],
      createdHere: [...this.createdHere],
      caseIds,
      // Whether every touched case's child is known here (else the KPI refresh looks them up).
      ownersKnown: caseIds.every((id) => this.childOfCase.has(id)),
    };
  }

  /** The cases' children this transaction knows, with the children it touched. */
  childrenOfTouched(): string[] {
    return [...new Set([...this.touched, ...[...this.touchedCases].map((id) => this.childOfCase.get(id)!)])];
  }

  private touch(childId: string, createdHere: boolean): void {
    this.touched.add(childId);
    if (createdHere) this.createdHere.add(childId);
  }
}

/** The one writer of the `cases` table. */
@Injectable()
export class CaseRepository {
  constructor(
    private readonly db: DataSource,
    private readonly facts: StatisticsFactsService,
    private readonly kpis: KpiFactsService,
  ) {}

  /**
   * Runs `work` in one transaction and, before it commits, recomputes the statistics facts of every
   * child whose cases it changed (facts written in the transaction of the change), and the KPI
   * facts of every case it wrote and of those children; then numbers the cases it opened, and
   * `numbered` (when given) builds the answer that names them.
   */
  transaction<T>(work: (writes: CaseWrites) => Promise<T>): Promise<T>;
  transaction<T, R>(
    work: (writes: CaseWrites) => Promise<T>,
    numbered: (result: T, writes: CaseWrites) => Promise<R>,
  ): Promise<R>;
  transaction<T, R>(
    work: (writes: CaseWrites) => Promise<T>,
    numbered?: (result: T, writes: CaseWrites) => Promise<R>,
  ): Promise<T | R> {
    return this.db.transaction(async (manager) => {
      const writes = new CaseWrites(manager);
      const result = await work(writes);
      const { childIds, createdHere, caseIds, ownersKnown } = writes.pending();
      if (ownersKnown) {
        // Facts, KPI facts and numbers in one round trip: the statements follow each other as
        // before, without a wait for the service between them while the counter row is locked.
        const numbering = writes.numberingStatements();
        const facts = [
          ...this.facts.refreshStatements(childIds, createdHere),
          ...this.kpis.refreshStatements(caseIds, writes.childrenOfTouched()),
        ];
        const rows = await runBatch(manager, [...facts, ...numbering, ...writes.takeAfterNumbering()]);
        for (const answered of rows.slice(facts.length, facts.length + numbering.length))
          writes.takeNumbers(answered as NumberRow[]);
      } else {
        await this.facts.refreshChildren(manager, childIds, createdHere);
        await this.kpis.refreshCases(manager, caseIds, childIds);
        await writes.numberOpened();
        for (const { sql, params } of writes.takeAfterNumbering()) await manager.query(sql, params);
      }
      return numbered ? numbered(result, writes) : result;
    });
  }

  /** Where a case lies, for a per-record access check; undefined for an unknown id. */
  async scopeOf(caseId: string): Promise<{ id: string; areaPath: string } | undefined> {
    const [row] = (await this.db.query(`SELECT id, area_path AS "areaPath" FROM cases WHERE id = $1`, [caseId])) as {
      id: string;
      areaPath: string;
    }[];
    return row;
  }

  /**
   * The cases a report opened or joined (`caseId`), each as its receipt named it (`id`,
   * `caseNumber`: the case, or the stand-in of a case its filer could not read), by number.
   */
  casesOfReport(reportId: string): Promise<{ caseId: string; id: string; caseNumber: string; childId: string }[]> {
    return this.db.query(
      `SELECT c.id AS "caseId", coalesce(cr.receipt_case_id, c.id) AS id,
              coalesce(cr.receipt_case_number, c.case_number) AS "caseNumber", c.child_id AS "childId"
         FROM case_reports cr JOIN cases c ON c.id = cr.case_id WHERE cr.report_id = $1 ORDER BY "caseNumber"`,
      [reportId],
    );
  }
}
