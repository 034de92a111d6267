import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource } from 'typeorm';
import { AreaRepository } from '../area-tree/area-repository';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { Forbidden, invalidFields } from '../common/problem';
import { AREA_COLUMN_OF, AREA_CSV_COLUMNS, areaFromCsv } from './area-csv';
import { planAreaImport } from './area-import-plan';
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
    private readonly tree: AreaRepository,
    private readonly audit: AuditService,
  ) {}

  async importCsv(caller: Caller, contentType: string | undefined, body: unknown): Promise<AreaImportResult> {
    bodyFormat(contentType, ['csv']);
    const records = readCsvTable(body, AREA_CSV_COLUMNS);
    const naming = csvRowNaming(records, AREA_COLUMN_OF);
    const rows = validateCsvRecords(CreateAreaDto, records, areaFromCsv, naming);

    return this.db.transaction(async (manager) => {
      // One import or creation at a time: the checks below stay true until the commit.
      await this.tree.lockForChanges(manager);
      const stored = await this.areas.known(
        rows.flatMap((row) => [row.code, row.parentCode, row.successorCode]),
        manager,
      );
      const plan = planAreaImport(rows, stored, naming, (action, path) =>
        caller.ability.can(action, subject('Area', { areaPath: path }) as never),
      );
      if (plan.errors.length) throw invalidFields(plan.errors);
      if (plan.outOfScope.length) {
        const [first] = plan.outOfScope;
        throw new Forbidden(
          `${plan.outOfScope.length} row(s) lie outside your area (${caller.user.areaCode}); the first is rows[${first.index}] (${naming.locate(first.index)}), code ${first.code}`,
        );
      }
      await this.tree.upsert(
        manager,
        plan.areas.map(({ code, name, level, parentCode, path, validFrom, validTo, successorCode }) => ({
          code,
          name,
          level,
          parentCode,
          path,
          validFrom,
          validTo,
          successorCode,
        })),
      );
      const created = plan.areas.filter((area) => area.isNew).length;
      const updated = plan.areas.length - created;
      await this.audit.recordBy(
        caller,
        { action: 'area.import', subjectType: 'Area', details: { created, updated } },
        manager,
      );
      return { created, updated };
    });
  }
}
