import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { Page, PageQuery } from '../common/pagination';
import { AccessLogItem, CaseAccessLogService } from './access-log.service';
import { CaseListItem, CaseListService } from './case-list.service';
import { CaseViewService } from './case-view.service';
import { CaseListQuery } from './dto/case-query.dto';

/** A case id that is not a UUID cannot exist: 404, like any case outside the caller's scope. */
export const CaseId = () => Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 }));

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly lists: CaseListService,
    private readonly views: CaseViewService,
    private readonly accessLogs: CaseAccessLogService,
  ) {}

  @Get()
  @Authorize('read', 'Case')
  @ApiOperation({ summary: 'Cases in the caller’s scope, newest first' })
  list(@CurrentCaller() caller: Caller, @Query() query: CaseListQuery): Promise<Page<CaseListItem>> {
    return this.lists.list(caller, query);
  }

  @Get(':id')
  @Authorize('read', 'Case')
  @ApiOperation({ summary: 'The case as the caller’s role may see it' })
  view(@CurrentCaller() caller: Caller, @CaseId() id: string) {
    return this.views.view(caller, id);
  }

  @Get(':id/access-log')
  @Authorize('read', 'CaseAccessLog')
  @ApiOperation({ summary: 'Who read or changed the case (its officers, the auditor)' })
  accessLog(@CurrentCaller() caller: Caller, @CaseId() id: string, @Query() query: PageQuery): Promise<Page<AccessLogItem>> {
    return this.accessLogs.list(caller, id, query);
  }
}
