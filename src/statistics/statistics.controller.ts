import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { RatesBaseQuery, RatesQuery } from './dto/rates-query.dto';
import { RatesResponseDto } from './dto/rates-response.dto';
import { RatesExportService } from './rates-export.service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly exports: RatesExportService) {}

  @Get('rates')
  @Authorize('read', 'Statistics')
  @ApiOperation({
    summary:
      'Incidence rates per 100,000 children, anonymized (manager, provincial and commune officers, commune chair; own area)',
    description:
      'Distinct children per indicator and period, counted once at the residence commune of their first qualifying event. ' +
      '`protection`: `exact` (true counts, nothing suppressed) for commune officers and chairs and provincial officers in their own area; ' +
      '`protected` for managers always and for anyone with `?protection=protected`: every cell perturbed by the cell-key method ' +
      '(at most STATS_MAX_NOISE), then perturbed counts from 1 to STATS_MIN_CELL − 1 suppressed; rows need not add up to the total (`additive: false`). ' +
      '`Accept: text/csv` returns the same rows, then the total, as CSV, with a `protection` column.',
  })
  @ApiExtraModels(RatesResponseDto)
  @ApiOkResponse({
    description: 'The rates as JSON, or with `Accept: text/csv` the same rows then the total as CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RatesResponseDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400)
  async rates(
    @CurrentCaller() caller: Caller,
    @Query() query: RatesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RatesResponseDto | string> {
    if (!wantsCsv(accept)) return this.exports.json(caller, query);
    void reply.type('text/csv; charset=utf-8');
    return this.exports.csv(caller, query);
  }

  @Get('rates.xlsx')
  @Authorize('read', 'Statistics')
  @ApiOperation({
    summary: 'The same figures as an Excel workbook: one sheet per breakdown (total, area, sex, age group, form)',
    description:
      'A cover sheet names the protection; every sheet passes the same disclosure control as the JSON response.',
  })
  @ApiOkResponse({
    description: 'An .xlsx workbook',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400)
  async xlsx(
    @CurrentCaller() caller: Caller,
    @Query() query: RatesBaseQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const workbook = await this.exports.xlsx(caller, query);
    void reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="rates-${query.indicator}-${query.year}.xlsx"`);
    return workbook;
  }

  @Get('rates/chart.svg')
  @Authorize('read', 'Statistics')
  @ApiOperation({
    summary: 'A chart of the rates by area (direct children of areaCode) with the target as a line, as SVG',
    description:
      'Rendered on the server with Vega-Lite from the published (disclosure-controlled) figures; the caption names the protection.',
  })
  @ApiOkResponse({ description: 'An SVG image', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiProblems(400)
  async chart(
    @CurrentCaller() caller: Caller,
    @Query() query: RatesBaseQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const svg = await this.exports.svg(caller, query);
    void reply.type('image/svg+xml; charset=utf-8');
    return svg;
  }
}
