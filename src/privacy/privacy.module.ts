import { Global, Module } from '@nestjs/common';
import { PiiService } from './pii.service';

/** Encryption at rest and blind indexes, which every module that keeps personal data needs. */
@Global()
@Module({ providers: [PiiService], exports: [PiiService] })
export class PrivacyModule {}
