import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import type { FastifyReply } from 'fastify';
import { KpiBaseQuery, KpiQuery, KpisResponseDto } from './dto/kpis.dto';
import { KpisService } from './kpis.service';
import { ReportService } from './report.service';
import { XLSX_TYPE } from './statistics.controller';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class KpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly reports: ReportService,
  ) {}

  @Get('kpis')
  @Authorize('read', 'Statistics')
  @ApiOperation({
    summary:
      'Performance indicators: deadlines met on time, children supported in time, open and overdue work (own area)',
    description:
      'Per area (the total, and with `groupBy=area` each direct sub-area): the on-time shares of the initial assessment, ' +
      'the emergency response, the police referral, the plan (draft and approval) and the interventions over the deadlines ' +
      'due in the period that are met or past their due time (Wilson 95% intervals); `supportedInTime`; open cases, overdue deadlines, the median days ' +
      'to close and open cases per commune officer. Deadlines and open cases count in the commune that manages the case; ' +
      'children in the commune they lived in. Protection as for rates: managers get cell-key protected counts ' +
      '(deadlines and cases have record keys of their own, children theirs); a share whose whole is suppressed is null.',
  })
  @ApiOkResponse({ type: KpisResponseDto, description: 'The indicators of the area and, when asked, of its sub-areas' })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: KpiQuery): Promise<KpisResponseDto> {
    return this.kpis.kpis(caller, query);
  }

  @Get('report.xlsx')
  @Authorize('read', 'Statistics')
  @ApiOperation({
    summary: 'The periodic report package of an area as an Excel workbook (own area)',
    description:
      'A cover sheet (area, period, protection, generated at and by whom), then every rate indicator and every KPI for the ' +
      'area and each of its direct sub-areas against their targets. Vietnamese headers with the codes beside them. ' +
      'Figures are those of GET /statistics/rates and /statistics/kpis, with the same protection; a sheet of the hotlines’ calls ' +
      '(by sub-area and by type, protected as GET /statistics/calls) for roles that may read call statistics.',
  })
  @ApiOkResponse({
    description: 'An .xlsx workbook',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400)
  async report(
    @CurrentCaller() caller: Caller,
    @Query() query: KpiBaseQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const workbook = await this.reports.workbook(caller, query);
    const area = query.areaCode ?? caller.user.areaCode;
    void reply
      .type(XLSX_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="report-${area}-${query.year}-${query.period ?? 'year'}.xlsx"`,
      );
    return workbook;
  }
}
