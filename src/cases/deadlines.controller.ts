import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { Page } from '../common/pagination';
import { DeadlineItem, DeadlineListService } from './deadline-list.service';
import { DeadlineQuery } from './dto/deadline-query.dto';

@ApiTags('case workflow')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlineListService) {}

  @Get()
  @Authorize('read', 'Deadline')
  @ApiOperation({ summary: 'Open deadlines in the caller’s scope, earliest first; overdue=true for those already past' })
  list(@CurrentCaller() caller: Caller, @Query() query: DeadlineQuery): Promise<Page<DeadlineItem>> {
    return this.deadlines.list(caller, query);
  }
}
