import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Page, PageQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CaseAccessLogService } from './access-log.service';
import { CaseListService } from './case-list.service';
import { CaseViewService } from './case-view.service';
import { AccessLogItemDto } from './dto/access-log-item.dto';
import { CaseListItemDto } from './dto/case-list-item.dto';
import { CaseListQuery } from './dto/case-query.dto';
import { ApiCaseViewResponse, CaseView } from './dto/case-view.dto';

/** The case of a `cases/:id` route: a UUID, or 404. */
export const CaseId = () => UuidParam('The case');

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
  @ApiPageResponse(CaseListItemDto)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: CaseListQuery): Promise<Page<CaseListItemDto>> {
    return this.lists.list(caller, query);
  }

  @Get(':id')
  @Authorize('read', 'Case')
  @ApiOperation({ summary: 'The case as the caller’s role may see it' })
  @ApiCaseViewResponse('The case as the caller’s role may see it')
  @ApiProblems(404)
  view(@CurrentCaller() caller: Caller, @CaseId() id: string): Promise<CaseView> {
    return this.views.view(caller, id);
  }

  @Get(':id/access-log')
  @Authorize('read', 'CaseAccessLog')
  @ApiOperation({ summary: 'Who read or changed the case (its officers, the auditor)' })
  @ApiPageResponse(AccessLogItemDto)
  @ApiProblems(400, 404)
  accessLog(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Query() query: PageQuery,
  ): Promise<Page<AccessLogItemDto>> {
    return this.accessLogs.list(caller, id, query);
  }
}
