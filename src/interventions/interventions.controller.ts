import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/uuid-param';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { CaseId } from '../cases/cases.controller';
import { InterventionViewDto } from '../cases/dto/intervention-view.dto';
import { ApiProblems } from '../common/api-problems.decorator';
import { CreateInterventionDto, UpdateInterventionDto } from './dto/intervention.dto';
import { InterventionQueueItemDto, InterventionQueueQuery } from './dto/intervention-queue.dto';
import { InterventionQueue } from '../cases/intervention-queue';
import { ApiPageResponse } from '../common/page.dto';
import { Page } from '../common/pagination';
import { InterventionsService } from './interventions.service';

@ApiTags('interventions')
@ApiBearerAuth()
@Controller()
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly queue: InterventionQueue,
  ) {}

  @Get('interventions')
  @Authorize('read', 'Intervention')
  @ApiOperation({
    summary:
      'The work queue: agency staff their agency’s interventions in their area, case roles those of their cases; earliest due first',
  })
  @ApiPageResponse(InterventionQueueItemDto)
  @ApiProblems(400)
  list(
    @CurrentCaller() caller: Caller,
    @Query() query: InterventionQueueQuery,
  ): Promise<Page<InterventionQueueItemDto>> {
    return this.queue.list(caller, query);
  }

  @Post('cases/:id/interventions')
  @Authorize('create', 'Intervention')
  @ApiOperation({ summary: 'Ask an agency to act on the case (case roles)' })
  @ApiCreatedResponse({ type: InterventionViewDto })
  @ApiProblems(400, 404, 409, 413, 415)
  create(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: CreateInterventionDto,
  ): Promise<InterventionViewDto> {
    return this.interventions.create(caller, id, dto);
  }

  @Patch('interventions/:id')
  @Authorize('update', 'Intervention')
  @ApiOperation({ summary: 'Move an intervention forward (case roles, or staff of that agency in scope)' })
  @ApiOkResponse({ type: InterventionViewDto })
  @ApiProblems(400, 404, 409, 413, 415)
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('The intervention') id: string,
    @Body() dto: UpdateInterventionDto,
  ): Promise<InterventionViewDto> {
    return this.interventions.update(caller, id, dto);
  }
}
