import { Module } from '@nestjs/common';
import { CasesModule } from '../cases.module';
import { ConsentService } from './consent.service';
import { ConsentsController } from './consents.controller';

/** Consent and disclosure of a case (Law on Children Art. 33; Decree 56). */
@Module({ imports: [CasesModule], controllers: [ConsentsController], providers: [ConsentService] })
export class ConsentModule {}
