import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { UuidParam } from '../common/uuid-param';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { CreatedReport, CreateReportDto } from './dto/create-report.dto';
import { ReportViewDto } from './dto/report-view.dto';
import { validIdempotencyKey } from './idempotency';
import { IntakeService } from './intake.service';
import { ReportViewService } from './report-view.service';

/** Named the same in both places, so the document lists the header once (optional). */
const IDEMPOTENCY_KEY = 'Idempotency-Key';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly reports: ReportViewService,
  ) {}

  @Post()
  @Authorize('create', 'Report')
  @ApiHeader({
    name: IDEMPOTENCY_KEY,
    required: false,
    description: 'A retry with the same key returns the first response and creates nothing',
  })
  @ApiOperation({ summary: 'File a report (Mẫu 01): one case per child' })
  @ApiCreatedResponse({
    type: CreatedReport,
    description: 'The report and one case per child; a retry with the same Idempotency-Key answers the same',
  })
  @ApiProblems(400, 409, 413, 415)
  create(
    @CurrentCaller() caller: Caller,
    @Body() dto: CreateReportDto,
    @Headers(IDEMPOTENCY_KEY) idempotencyKey?: string,
  ): Promise<CreatedReport> {
    return this.intake.create(caller, dto, validIdempotencyKey(idempotencyKey));
  }

  @Get(':id')
  @Authorize('read', 'Report')
  @ApiOperation({ summary: 'A report as filed, for the user who filed it' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiProblems(404)
  view(@CurrentCaller() caller: Caller, @UuidParam('The report') id: string): Promise<ReportViewDto> {
    return this.reports.view(caller, id);
  }
}
