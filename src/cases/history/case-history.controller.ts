import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/authorize.decorator';
import { Caller, CurrentCaller } from '../../access/request-context';
import { ApiProblems } from '../../common/api-problems.decorator';
import { ApiPageResponse } from '../../common/page.dto';
import { Page, PageQuery } from '../../common/pagination';
import { CaseId } from '../cases.controller';
import { HistoryItemDto } from './case-history.dto';
import { CaseHistoryService } from './case-history.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/history')
export class CaseHistoryController {
  constructor(private readonly history: CaseHistoryService) {}

  @Get()
  @Authorize('read', 'CaseHistory')
  @ApiOperation({
    summary: 'What was done to the case and what changed: intake, steps, assignment, transfers, corrections, merges',
    description:
      'Newest first, each with who, when, why and which fields changed from what to what. Personal values (names, ' +
      'birth dates, addresses, free text) and reasons are stored encrypted and shown to the case roles only; the ' +
      'auditor sees which fields changed, not their values.',
  })
  @ApiPageResponse(HistoryItemDto)
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Query() query: PageQuery,
  ): Promise<Page<HistoryItemDto>> {
    return this.history.list(caller, id, query);
  }
}
