import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { CaseId } from '../cases/cases.controller';
import { InterventionView } from '../cases/intervention-view';
import { CreateInterventionDto, UpdateInterventionDto } from './dto/intervention.dto';
import { InterventionsService } from './interventions.service';

@ApiTags('interventions')
@ApiBearerAuth()
@Controller()
export class InterventionsController {
  constructor(private readonly interventions: InterventionsService) {}

  @Post('cases/:id/interventions')
  @Authorize('create', 'Intervention')
  @ApiOperation({ summary: 'Ask an agency to act on the case (case roles)' })
  create(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: CreateInterventionDto): Promise<InterventionView> {
    return this.interventions.create(caller, id, dto);
  }

  @Patch('interventions/:id')
  @Authorize('update', 'Intervention')
  @ApiOperation({ summary: 'Move an intervention forward (case roles, or staff of that agency in scope)' })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() dto: UpdateInterventionDto,
  ): Promise<InterventionView> {
    return this.interventions.update(caller, id, dto);
  }
}
