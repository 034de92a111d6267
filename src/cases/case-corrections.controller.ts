import { Body, Controller, HttpCode, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { CaseCorrectionService } from './case-correction.service';
import { CaseViewService } from './case-view.service';
import { CaseId } from './cases.controller';
import { ApiCaseViewResponse, CaseView } from './dto/case-view.dto';
import { CorrectCaseDto, CorrectChildDto } from './dto/correction.dto';

/** Corrections of what intake recorded, each with its reason; both answer with the case as the caller now sees it. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseCorrectionsController {
  constructor(
    private readonly corrections: CaseCorrectionService,
    private readonly views: CaseViewService,
  ) {}

  @Patch()
  @HttpCode(200)
  @Authorize('update', 'Case')
  @ApiOperation({
    summary: 'Correct the case: category, form, fatal, when and where it happened, the alleged abuser, the description',
    description:
      'The intake rules apply to the corrected case (form of the category, fatal only for injuries, dates in order). ' +
      'Deadlines follow (a correction to sexual abuse adds the police referral; one no longer owed is withdrawn while open) ' +
      'and the statistics change in the same transaction. The history keeps what changed, from what to what, and why.',
  })
  @ApiCaseViewResponse()
  @ApiProblems(400, 403, 404, 409, 413, 415)
  async correctCase(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: CorrectCaseDto,
  ): Promise<CaseView> {
    await this.corrections.correctCase(caller, id, dto);
    return this.views.view(caller, id);
  }

  @Patch('child')
  @HttpCode(200)
  @Authorize('update', 'Case')
  @ApiOperation({
    summary: 'Correct the child of the case (the one record all its cases share)',
    description:
      'Every case of the child follows (sex, age at its event, the residence the statistics count); the blind indexes are ' +
      're-keyed. When the corrected name, date of birth and commune are another child’s: 409, with `duplicateOfChildId` ' +
      'when the caller can see one of that child’s cases — merge the two instead.',
  })
  @ApiCaseViewResponse()
  @ApiProblems(400, 403, 404, 409, 413, 415)
  async correctChild(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: CorrectChildDto,
  ): Promise<CaseView> {
    await this.corrections.correctChild(caller, id, dto);
    return this.views.view(caller, id);
  }
}
