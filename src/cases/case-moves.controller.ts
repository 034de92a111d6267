import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseViewService } from './case-view.service';
import { CaseId } from './cases.controller';
import { AssignCaseDto } from './dto/assignment.dto';
import { ApiCaseViewResponse, CaseView } from './dto/case-view.dto';

/**
 * Who carries the case, whatever its workflow status: its assignee. Each answers with the case as
 * the caller now sees it (new version included).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseMovesController {
  constructor(
    private readonly assignments: CaseAssignmentService,
    private readonly views: CaseViewService,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @Authorize('assign', 'Case')
  @ApiOperation({ summary: 'Give the case to an active commune or provincial officer whose area holds it' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  async assign(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: AssignCaseDto): Promise<CaseView> {
    await this.assignments.assign(caller, id, dto);
    return this.views.view(caller, id);
  }
}
