import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { cursorTimestamp, Page, pageRequest, toPage } from '../common/pagination';
import { FieldError, Forbidden, InvalidInput, invalidField, invalidFields } from '../common/problem';
import { isWithin } from '../domain/area-path';
import { CLOCK_SKEW_MS, vietnamDate } from '../domain/time';
import { PiiService } from '../privacy/pii.service';
import { CallDto, CallQuery, CreateCallDto } from './dto/call.dto';

const NOTES_CONTEXT = 'calls.notes';

interface CallRow {
  id: string;
  channel: string;
  receivedAt: Date;
  receivedAtText: string;
  type: string;
  areaCode: string | null;
  notesEnc: string | null;
  reportId: string | null;
  createdAt: Date;
}

const CALL_COLUMNS = `id, channel, received_at AS "receivedAt", ${cursorTimestamp('received_at')} AS "receivedAtText", type,
  area_code AS "areaCode", notes_enc AS "notesEnc", report_id AS "reportId", created_at AS "createdAt"`;

/** The one writer of `calls`: every call a hotline operator takes, reports or not. */
@Injectable()
export class CallsService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, dto: CreateCallDto): Promise<CallDto> {
    const now = Date.now();
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date(now);
    const errors: FieldError[] = [];
    if (receivedAt.getTime() > now + CLOCK_SKEW_MS)
      errors.push({ field: 'receivedAt', message: 'may not be in the future' });
    if (dto.type === 'report' && !dto.reportId)
      errors.push({ field: 'reportId', message: 'a report call names its report' });
    if (dto.type !== 'report' && dto.reportId)
      errors.push({ field: 'reportId', message: 'only calls of type report name a report' });
    if (errors.length) throw new InvalidInput(errors);
    const path = await this.areaPath(caller, dto.areaCode, vietnamDate(receivedAt));
    if (dto.reportId) await this.requireOwnReport(caller, dto.reportId);
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO calls (channel, received_at, event_date, type, area_code, area_path, notes_enc, report_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CALL_COLUMNS}`,
        [
          dto.channel,
          receivedAt,
          vietnamDate(receivedAt),
          dto.type,
          dto.areaCode ?? null,
          path,
          this.pii.encrypt(dto.notes, NOTES_CONTEXT),
          dto.reportId ?? null,
          caller.user.id,
        ],
      )) as CallRow[];
      await this.audit.recordBy(
        caller,
        {
          action: 'call.create',
          subjectType: 'Call',
          subjectId: row.id,
          details: { type: dto.type, channel: dto.channel },
        },
        manager,
      );
      return this.view(row);
    });
  }

  /** The caller's own calls, newest first. */
  async list(caller: Caller, query: CallQuery): Promise<Page<CallDto>> {
    if (query.from && query.to && new Date(query.from) >= new Date(query.to))
      throw invalidField('to', 'must be after from');
    const page = pageRequest(query, ['timestamp', 'uuid']);
    const rows = (await this.db.query(
      `SELECT ${CALL_COLUMNS} FROM calls
        WHERE created_by = $1 AND ($2::timestamptz IS NULL OR received_at >= $2) AND ($3::timestamptz IS NULL OR received_at < $3)
          AND ($4::text IS NULL OR type = $4)
          AND ($5::timestamptz IS NULL OR (received_at, id) < ($5::timestamptz, $6::uuid))
        ORDER BY received_at DESC, id DESC LIMIT $7`,
      [
        caller.user.id,
        query.from ?? null,
        query.to ?? null,
        query.type ?? null,
        page.after?.[0] ?? null,
        page.after?.[1] ?? null,
        page.fetch,
      ],
    )) as CallRow[];
    await this.audit.recordBy(caller, {
      action: 'call.list',
      subjectType: 'Call',
      details: { returned: Math.min(rows.length, page.limit) },
    });
    return toPage(
      rows,
      page.limit,
      (row) => this.view(row),
      (row) => [row.receivedAtText, row.id],
    );
  }

  /**
   * The path the call counts under: its area's (inside the caller's: 400 unknown or retired by the
   * call's day, 403 outside), else the caller's own.
   */
  private async areaPath(caller: Caller, code: string | undefined, day: string): Promise<string> {
    if (code === undefined) return caller.user.areaPath;
    const area = await this.areas.ref(code);
    if (!area) throw invalidField('areaCode', `no area has code ${code}`);
    const retired = await this.areas.retiredOn([{ field: 'areaCode', code }], day);
    if (retired.length) throw invalidFields(retired);
    if (!isWithin(area.path, caller.user.areaPath))
      throw new Forbidden(`areaCode ${code} lies outside your area (${caller.user.areaCode})`);
    return area.path;
  }

  /** A report call names a report its operator filed; anyone else's is no report of theirs (400). */
  private async requireOwnReport(caller: Caller, reportId: string): Promise<void> {
    const [own] = (await this.db.query(`SELECT 1 FROM reports WHERE id = $1 AND created_by = $2`, [
      reportId,
      caller.user.id,
    ])) as unknown[];
    if (!own) throw invalidField('reportId', 'is not a report you filed');
  }

  private view(row: CallRow): CallDto {
    return {
      id: row.id,
      channel: row.channel,
      receivedAt: row.receivedAt.toISOString(),
      type: row.type,
      areaCode: row.areaCode,
      notes: this.pii.decrypt(row.notesEnc, NOTES_CONTEXT),
      reportId: row.reportId,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
