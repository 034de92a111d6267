import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseViewService } from './case-view.service';
import { CaseId } from './cases.controller';
import { AssignCaseDto } from './dto/assignment.dto';
import { CaseTransferService } from './case-transfer.service';
import { AcceptTransferDto, RejectTransferDto, TransferCaseDto } from './dto/transfer.dto';
import { ApiCaseViewResponse, CaseView } from './dto/case-view.dto';

/**
 * Who carries the case, whatever its workflow status: its assignee, and the commune it belongs
 * to (a transfer the target commune accepts or rejects). Each answers with the case as
 * the caller now sees it (new version included).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseMovesController {
  constructor(
    private readonly assignments: CaseAssignmentService,
    private readonly transfers: CaseTransferService,
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

  @Post('transfer')
  @HttpCode(200)
  @Authorize('transfer', 'Case')
  @ApiOperation({ summary: 'Ask another commune to take the case (the child moved, communes merged)' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  async transfer(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: TransferCaseDto,
  ): Promise<CaseView> {
    await this.transfers.request(caller, id, dto);
    return this.views.view(caller, id);
  }

  @Post('transfer/accept')
  @HttpCode(200)
  @Authorize('decide_transfer', 'Case')
  @ApiOperation({ summary: 'The target commune takes the case: it belongs to that commune from now on' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  async acceptTransfer(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: AcceptTransferDto,
  ): Promise<CaseView> {
    await this.transfers.accept(caller, id, dto);
    return this.views.view(caller, id);
  }

  @Post('transfer/reject')
  @HttpCode(204)
  @Authorize('decide_transfer', 'Case')
  @ApiOperation({
    summary: 'The target commune refuses the case: it stays where it was',
    description: 'No body: the target commune no longer reads the case once it has refused it',
  })
  @ApiNoContentResponse({ description: 'Refused; the case stays in its commune, its version moved on' })
  @ApiProblems(400, 404, 409, 413, 415)
  rejectTransfer(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: RejectTransferDto): Promise<void> {
    return this.transfers.reject(caller, id, dto);
  }
}
