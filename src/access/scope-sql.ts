import { rulesToAST } from '@casl/ability/extra';
import { Brackets, WhereExpressionBuilder } from 'typeorm';
import { Action, AppAbility, Subject } from './ability';
import { descendantsPattern } from '../domain/area-path';

/**
 * A list field of the record (e.g. a case's `interventions`) as a related table: `$elemMatch`
 * on it becomes `EXISTS (<from> AND <inner condition over its columns>)`.
 */
export interface RelatedRows {
  /** `SELECT 1 FROM interventions i WHERE i.case_id = c.id` */
  exists: string;
  columns: Record<string, string>;
}

/** Maps the field names used in CASL conditions to SQL column expressions of one query. */
export type ColumnMap = Record<string, string | RelatedRows>;

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export class UntranslatableRuleError extends Error {
  override name = 'UntranslatableRuleError';
}

/** The shape of the condition tree rulesToAST returns (@ucast/core), read structurally. */
interface Condition {
  operator: string;
  value: unknown;
  field?: string;
}

class Translator {
  private counter = 0;
  readonly params: Record<string, unknown> = {};

  constructor(
    private readonly columns: ColumnMap,
    private readonly prefix: string,
  ) {}

  private param(value: unknown): string {
    const name = `${this.prefix}${this.counter++}`;
    this.params[name] = value;
    return `:${name}`;
  }

  private column(field: string): string {
    const column = this.columns[field];
    if (typeof column !== 'string') throw new UntranslatableRuleError(`no column for condition field "${field}"`);
    return column;
  }

  private elemMatch(field: string, inner: Condition): string {
    const related = this.columns[field];
    if (!related || typeof related === 'string') throw new UntranslatableRuleError(`no related rows for "${field}"`);
    const nested = new Translator(related.columns, `${this.prefix}${this.counter++}_`);
    const sql = nested.translate(inner);
    Object.assign(this.params, nested.params);
    return `EXISTS (${related.exists} AND ${sql})`;
  }

  translate(node: Condition): string {
    if (node.field === undefined && Array.isArray(node.value)) {
      const parts = (node.value as Condition[]).map((child) => this.translate(child));
      switch (node.operator) {
        case 'and':
          return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
        case 'or':
          return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
        case 'not':
          return `NOT (${parts.join(' AND ')})`;
      }
    }
    if (node.field !== undefined && node.operator === 'elemMatch') {
      return this.elemMatch(node.field, node.value as Condition);
    }
    if (node.field !== undefined) {
      const column = this.column(node.field);
      switch (node.operator) {
        case 'eq':
          return node.value === null ? `${column} IS NULL` : `${column} = ${this.param(node.value)}`;
        case 'ne':
          return node.value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${this.param(node.value)}`;
        case 'in':
          return `${column} = ANY(${this.param(node.value)})`;
        case 'under': {
          const scope = node.value as string;
          return `(${column} = ${this.param(scope)} OR ${column} LIKE ${this.param(descendantsPattern(scope))})`;
        }
      }
    }
    // Anything this translator does not know would widen or narrow the query unpredictably: refuse.
    throw new UntranslatableRuleError(`cannot translate condition operator "${node.operator}" to SQL`);
  }
}

/**
 * The caller's CASL rules for (action, subject) as a SQL condition over the given columns:
 * `FALSE` when no rule grants anything (fail closed), `TRUE` for an unconditional grant.
 */
export function scopeCondition(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  columns: ColumnMap,
  paramPrefix = 'scope_',
): SqlCondition {
  const ast = rulesToAST(ability, action, subject) as Condition | null;
  if (ast === null) return { sql: 'FALSE', params: {} };
  const translator = new Translator(columns, paramPrefix);
  const sql = translator.translate(ast);
  return { sql, params: translator.params };
}

/** The same, as TypeORM brackets for `qb.andWhere(scopeWhere(...))`. */
export function scopeWhere(ability: AppAbility, action: Action, subject: Subject, columns: ColumnMap): Brackets {
  const { sql, params } = scopeCondition(ability, action, subject, columns);
  return new Brackets((qb: WhereExpressionBuilder) => {
    qb.where(sql, params);
  });
}
