import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { TargetDeleteQuery, TargetDto, TargetListDto, TargetListQuery, TargetViewDto } from './dto/target.dto';
import { TargetsService } from './targets.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put()
  @Authorize('update', 'StatisticsTarget')
  @ApiOperation({
    summary: 'Set a plan target for an area, year and indicator (admin, own area); replaces the previous one',
    description:
      'Rate indicators: per 100,000 children (`unit: per100k`, the default) or per cent of children (`unit: percent`, ' +
      'compared as per 100,000: 0.01% = 10). KPI indicators `supported_in_time` and `initial_assessment_on_time`: a share in per cent.',
  })
  @ApiOkResponse({ type: TargetViewDto, description: 'The target as stored, in both units' })
  @ApiProblems(400, 413, 415)
  upsert(@CurrentCaller() caller: Caller, @Body() dto: TargetDto): Promise<TargetViewDto> {
    return this.targets.upsert(caller, dto);
  }

  @Get()
  @Authorize('read', 'StatisticsTarget')
  @ApiOperation({
    summary: 'The plan targets of an area and the areas below it (statistics roles and admin, own area)',
  })
  @ApiOkResponse({ type: TargetListDto, description: 'The targets, each as entered and in both units' })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: TargetListQuery): Promise<TargetListDto> {
    return this.targets.list(caller, query);
  }

  @Delete()
  @HttpCode(204)
  @Authorize('delete', 'StatisticsTarget')
  @ApiOperation({ summary: 'Remove the target of an indicator, area and year (admin, own area)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404)
  remove(@CurrentCaller() caller: Caller, @Query() query: TargetDeleteQuery): Promise<void> {
    return this.targets.remove(caller, query);
  }
}
