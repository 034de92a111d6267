import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/authorize.decorator';
import { Caller, CurrentCaller } from '../../access/request-context';
import { CaseId } from '../cases.controller';
import { ConsentService } from './consent.service';
import { RecordConsentDto, RecordDisclosureDto } from './dto/consent.dto';
import { ConsentRecordDto, DisclosureRecordDto } from './dto/consent-record.dto';
import { ApiProblems } from '../../common/api-problems.decorator';

@ApiTags('consent and disclosure')
@ApiBearerAuth()
@Controller('cases/:id')
export class ConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Post('consents')
  @Authorize('update', 'Case')
  @ApiOperation({ summary: 'Record the child’s or the guardian’s consent to disclosure' })
  @ApiCreatedResponse({ type: ConsentRecordDto })
  @ApiProblems(400, 404, 409, 413, 415)
  consent(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ConsentRecordDto> {
    return this.consents.recordConsent(caller, id, dto);
  }

  @Post('disclosures')
  @Authorize('update', 'Case')
  @ApiOperation({
    summary: 'Record a disclosure: outside the state with consent, to a state authority with a legal basis',
  })
  @ApiCreatedResponse({ type: DisclosureRecordDto })
  @ApiProblems(400, 404, 409, 413, 415)
  disclose(
    @CurrentCaller() caller: Caller,
    @CaseId() id: string,
    @Body() dto: RecordDisclosureDto,
  ): Promise<DisclosureRecordDto> {
    return this.consents.recordDisclosure(caller, id, dto);
  }
}
