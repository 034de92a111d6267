import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AreaRef {
  code: string;
  level: string;
  path: string;
}

/**
 * Code → level and path, for the hot paths (every intake names two communes). Only areas found
 * are kept, and an area's level and path never change once created (imports refuse it), so a
 * cached entry cannot go stale; a new area is simply a miss that reads the table.
 */
@Injectable()
export class AreaCache {
  private readonly known = new Map<string, AreaRef>();

  constructor(private readonly db: DataSource) {}

  async lookup(codes: readonly string[]): Promise<Map<string, AreaRef>> {
    const missing = [...new Set(codes)].filter((code) => !this.known.has(code));
    if (missing.length) {
      const rows = (await this.db.query(`SELECT code, level, path FROM areas WHERE code = ANY($1)`, [missing])) as AreaRef[];
      for (const row of rows) this.known.set(row.code, row);
    }
    const found = new Map<string, AreaRef>();
    for (const code of codes) {
      const area = this.known.get(code);
      if (area) found.set(code, area);
    }
    return found;
  }
}
