import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ConsentService } from './consent.service';
import { ConsentsController } from './consents.controller';
import { PiiService } from './pii.service';

@Global()
@Module({ providers: [PiiService], exports: [PiiService] })
export class PrivacyModule {}

/** Consent and disclosure routes; separate from PrivacyModule, which every module needs. */
@Module({ imports: [CasesModule], controllers: [ConsentsController], providers: [ConsentService] })
export class ConsentModule {}
