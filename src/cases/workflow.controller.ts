import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { CaseStepsService } from './case-steps.service';
import { CaseViewService } from './case-view.service';
import { CaseId } from './cases.controller';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiCaseViewResponse, CaseView } from './dto/case-view.dto';
import {
  DetailedAssessmentDto,
  EmergencyActionDto,
  InitialAssessmentDto,
  MeetingDto,
  PlanDto,
  ReasonDto,
  ReviewDto,
  SeparationExtensionDto,
  StepDto,
} from './dto/workflow.dto';

/** The Decree 56 steps. Each answers with the case as the caller now sees it (new version included). */
@ApiTags('case workflow')
@ApiBearerAuth()
@Controller('cases/:id')
export class WorkflowController {
  constructor(
    private readonly steps: CaseStepsService,
    private readonly views: CaseViewService,
  ) {}

  private async after(caller: Caller, id: string, step: Promise<void>): Promise<CaseView> {
    await step;
    return this.views.view(caller, id);
  }

  @Post('initial-assessment')
  @HttpCode(200)
  @Authorize('initial_assessment', 'Case')
  @ApiOperation({ summary: 'Initial risk assessment (Mẫu 02) → initial_assessed' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  initialAssessment(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: InitialAssessmentDto,
  ): Promise<CaseView> {
    return this.after(caller, id, this.steps.initialAssessment(caller, id, dto));
  }

  @Post('emergency-actions')
  @HttpCode(200)
  @Authorize('emergency_action', 'Case')
  @ApiOperation({ summary: 'Emergency action; temporary separation by the commune chair only (ends 15 days later)' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  emergencyAction(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: EmergencyActionDto,
  ): Promise<CaseView> {
    return this.after(caller, id, this.steps.emergencyAction(caller, id, dto));
  }

  @Post('detailed-assessment')
  @HttpCode(200)
  @Authorize('detailed_assessment', 'Case')
  @ApiOperation({ summary: 'Detailed assessment (Mẫu 03) → detailed_assessed; plan due in 5 working days' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  detailedAssessment(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: DetailedAssessmentDto,
  ): Promise<CaseView> {
    return this.after(caller, id, this.steps.detailedAssessment(caller, id, dto));
  }

  @Post('plan')
  @HttpCode(200)
  @Authorize('draft_plan', 'Case')
  @ApiOperation({ summary: 'Support and intervention plan (Mẫu 04) → plan_drafted; approval due in 2 working days' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  plan(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: PlanDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.draftPlan(caller, id, dto));
  }

  @Post('plan/approve')
  @HttpCode(200)
  @Authorize('approve_plan', 'Case')
  @ApiOperation({ summary: 'Approve the plan (Mẫu 05) → in_intervention; each measure becomes an intervention' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  approve(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: StepDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.approvePlan(caller, id, dto));
  }

  @Post('plan/return')
  @HttpCode(200)
  @Authorize('return_plan', 'Case')
  @ApiOperation({
    summary: 'Send the plan back instead of approving it → detailed_assessed; a new draft due in 5 working days',
  })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  returnPlan(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: ReasonDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.returnPlan(caller, id, dto));
  }

  @Post('meetings')
  @HttpCode(200)
  @Authorize('case_meeting', 'Case')
  @ApiOperation({
    summary: 'Record the case meeting (Decree 56 step 4): participants and the measures decided; the status stays',
  })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  meeting(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: MeetingDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.caseMeeting(caller, id, dto));
  }

  @Post('separation/extend')
  @HttpCode(200)
  @Authorize('extend_separation', 'Case')
  @ApiOperation({
    summary:
      'Record the extension of a temporary separation by a competent authority (commune chair): moves separation_end',
  })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  extendSeparation(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: SeparationExtensionDto,
  ): Promise<CaseView> {
    return this.after(caller, id, this.steps.extendSeparation(caller, id, dto));
  }

  @Post('review')
  @HttpCode(200)
  @Authorize('review_close', 'Case')
  @ApiOperation({ summary: 'Review (Mẫu 06): close, or back to detailed_assessed to re-plan' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  review(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: ReviewDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.review(caller, id, dto));
  }

  @Post('close')
  @HttpCode(200)
  @Authorize('close', 'Case')
  @ApiOperation({ summary: 'Close an unsubstantiated case straight after the detailed assessment' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  close(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: ReasonDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.close(caller, id, dto));
  }

  @Post('reopen')
  @HttpCode(200)
  @Authorize('reopen', 'Case')
  @ApiOperation({ summary: 'Reopen a closed case → initial_assessed' })
  @ApiCaseViewResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  reopen(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: ReasonDto): Promise<CaseView> {
    return this.after(caller, id, this.steps.reopen(caller, id, dto));
  }
}
