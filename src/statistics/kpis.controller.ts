import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { KpiQuery, KpisResponseDto } from './dto/kpis.dto';
import { KpisService } from './kpis.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

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
}
