import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { TargetDto } from './dto/target.dto';
import { TargetsService } from './targets.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put()
  @Authorize('update', 'StatisticsTarget')
  @ApiOperation({
    summary:
      'Set a plan target for an area, year and indicator, per 100,000 children (admin, own area); replaces the previous one',
  })
  @ApiOkResponse({ type: TargetDto })
  @ApiProblems(400, 413, 415)
  upsert(@CurrentCaller() caller: Caller, @Body() dto: TargetDto): Promise<TargetDto> {
    return this.targets.upsert(caller, dto);
  }
}
