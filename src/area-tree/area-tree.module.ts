import { Global, Module } from '@nestjs/common';
import { AreaRepository } from './area-repository';

/** The area tree, which every layer above reads (scopes are area paths). */
@Global()
@Module({ providers: [AreaRepository], exports: [AreaRepository] })
export class AreaTreeModule {}
