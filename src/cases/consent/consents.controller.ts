import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/authorize.decorator';
import { Caller, CurrentCaller } from '../../access/request-context';
import { CaseId } from '../cases.controller';
import { ConsentService } from './consent.service';
import { RecordConsentDto, RecordDisclosureDto } from './dto/consent.dto';

@ApiTags('consent and disclosure')
@ApiBearerAuth()
@Controller('cases/:id')
export class ConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Post('consents')
  @Authorize('update', 'Case')
  @ApiOperation({ summary: 'Record the child’s or the guardian’s consent to disclosure' })
  consent(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: RecordConsentDto) {
    return this.consents.recordConsent(caller, id, dto);
  }

  @Post('disclosures')
  @Authorize('update', 'Case')
  @ApiOperation({ summary: 'Record a disclosure: outside the state with consent, to a state authority with a legal basis' })
  disclose(@CurrentCaller() caller: Caller, @CaseId() id: string, @Body() dto: RecordDisclosureDto) {
    return this.consents.recordDisclosure(caller, id, dto);
  }
}
