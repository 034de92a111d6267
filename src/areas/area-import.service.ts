import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { Forbidden, invalidFields } from '../common/problem';
import { AREA_COLUMN_OF, AREA_CSV_COLUMNS, areaFromCsv } from './area-csv';
import { PlannedArea, planAreaImport } from './area-import-plan';
import { AreasService } from './areas.service';
import { bodyFormat, readCsvTable } from './csv-table';
import { AreaImportResult, CreateAreaDto } from './dto/area.dto';
import { csvRowNaming, validateCsvRecords } from './row-errors';

/**
 * `POST /areas/import`: thousands of communes from one CSV, all or nothing. The rows are checked
 * together against the stored tree, then written in one statement (arrays through `unnest`).
 */
@Injectable()
export class AreaImportService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreasService,
    private readonly audit: AuditService,
  ) {}

  async importCsv(caller: Caller, contentType: string | undefined, body: unknown): Promise<AreaImportResult> {
    bodyFormat(contentType, ['csv']);
    const records = readCsvTable(body, AREA_CSV_COLUMNS);
    const naming = csvRowNaming(records, AREA_COLUMN_OF);
    const rows = validateCsvRecords(CreateAreaDto, records, areaFromCsv, naming);

    return this.db.transaction(async (manager) => {
      // One import or creation at a time: the checks below stay true until the commit.
      await manager.query(`LOCK TABLE areas IN SHARE ROW EXCLUSIVE MODE`);
      const stored = await this.areas.known(rows.flatMap((row) => [row.code, row.parentCode, row.successorCode]), manager);
      const plan = planAreaImport(rows, stored, naming, (action, path) => caller.ability.can(action, subject('Area', { areaPath: path }) as never));
      if (plan.errors.length) throw invalidFields(plan.errors);
      if (plan.outOfScope.length) {
        const [first] = plan.outOfScope;
        throw new Forbidden(
          `${plan.outOfScope.length} row(s) lie outside your area (${caller.user.areaCode}); the first is rows[${first.index}] (${naming.locate(first.index)}), code ${first.code}`,
        );
      }
      await this.upsert(manager, plan.areas);
      const created = plan.areas.filter((area) => area.isNew).length;
      const updated = plan.areas.length - created;
      await this.audit.recordBy(caller, { action: 'area.import', subjectType: 'Area', details: { created, updated } }, manager);
      return { created, updated };
    });
  }

  /**
   * One statement for the whole file: foreign keys are checked at its end, so a successor defined
   * further down the file is fine. A stored code keeps its level, parent and path (checked above).
   */
  private async upsert(manager: EntityManager, areas: PlannedArea[]): Promise<void> {
    const column = <K extends keyof PlannedArea>(key: K) => areas.map((area) => area[key]);
    await manager.query(
      `INSERT INTO areas (code, name, level, parent_code, path, valid_from, valid_to, successor_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
       ON CONFLICT (code) DO UPDATE
          SET name = EXCLUDED.name, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
              successor_code = EXCLUDED.successor_code`,
      [column('code'), column('name'), column('level'), column('parentCode'), column('path'), column('validFrom'), column('validTo'), column('successorCode')],
    );
  }
}
