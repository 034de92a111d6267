import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Page } from '../common/pagination';
import { DeadlineListService } from './deadline-list.service';
import { DeadlineItemDto } from './dto/deadline-item.dto';
import { DeadlineQuery } from './dto/deadline-query.dto';

@ApiTags('case workflow')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlineListService) {}

  @Get()
  @Authorize('read', 'Deadline')
  @ApiOperation({
    summary: 'Open deadlines in the caller’s scope, earliest first; overdue=true for those already past',
  })
  @ApiPageResponse(DeadlineItemDto)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: DeadlineQuery): Promise<Page<DeadlineItemDto>> {
    return this.deadlines.list(caller, query);
  }
}
