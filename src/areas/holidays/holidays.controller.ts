import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/authorize.decorator';
import { Caller, CurrentCaller } from '../../access/request-context';
import { ApiProblems } from '../../common/api-problems.decorator';
import { HolidayDto, HolidayList, HolidayYearQuery } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @Authorize('read', 'Holiday')
  @ApiOperation({
    summary: 'Public holidays of one year, by date',
    description:
      'Weekdays off that working-day deadlines skip. `year` defaults to the current year in Asia/Ho_Chi_Minh.',
  })
  @ApiOkResponse({ type: HolidayList })
  @ApiProblems(400)
  list(@Query() query: HolidayYearQuery): Promise<HolidayList> {
    return this.holidays.list(query);
  }

  @Put()
  @Authorize('update', 'Holiday')
  @ApiOperation({
    summary: 'Replace the holidays of the years in the body (admin)',
    description:
      'Every year that appears in the body gets exactly the listed holidays; other years are left alone. ' +
      'Each date at most once. Answers with the holidays of the years touched, by date.',
  })
  @ApiBody({ type: [HolidayDto] })
  @ApiOkResponse({ type: HolidayList })
  @ApiProblems(400, 413, 415)
  replace(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<HolidayList> {
    return this.holidays.replace(caller, body);
  }
}
