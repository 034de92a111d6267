import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Page } from '../common/pagination';
import { CallStatisticsService } from '../statistics/call-statistics.service';
import { CallsService } from './calls.service';
import { CallDto, CallQuery, CallStatisticsDto, CallStatisticsQuery, CreateCallDto } from './dto/call.dto';

@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly statistics: CallStatisticsService,
  ) {}

  @Post('calls')
  @Authorize('create', 'Call')
  @ApiOperation({
    summary: 'Record a call to the 111 or a provincial hotline: a report, counselling, information, a silent call, …',
  })
  @ApiCreatedResponse({ type: CallDto, description: 'The call as recorded' })
  @ApiProblems(400, 403, 413, 415)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCallDto): Promise<CallDto> {
    return this.calls.create(caller, dto);
  }

  @Get('calls')
  @Authorize('read', 'Call')
  @ApiOperation({ summary: 'The caller’s own calls, newest first' })
  @ApiPageResponse(CallDto)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: CallQuery): Promise<Page<CallDto>> {
    return this.calls.list(caller, query);
  }

  @Get('statistics/calls')
  @Authorize('read', 'CallStatistics')
  @ApiOperation({
    summary: 'Counts of the hotlines’ calls by type, channel or area (manager, provincial officer, hotline operator)',
    description:
      'Protected like rates: managers always get `protected` counts (cell-key perturbed with each call’s own secret ' +
      'record key, then counts from 1 to STATS_MIN_CELL − 1 suppressed); hotline operators and provincial officers get ' +
      '`exact` counts of their own area unless they ask `?protection=protected`. No population, no rate.',
  })
  @ApiOkResponse({ type: CallStatisticsDto })
  @ApiProblems(400)
  counts(@CurrentCaller() caller: Caller, @Query() query: CallStatisticsQuery): Promise<CallStatisticsDto> {
    return this.statistics.forCaller(caller, query);
  }
}
