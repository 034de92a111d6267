import { Module } from '@nestjs/common';
import { StatisticsModule } from '../statistics/statistics.module';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

/** The hotlines' calls (reports or not) and their statistics. */
@Module({
  imports: [StatisticsModule],
  controllers: [CallsController],
  providers: [CallsService],
})
export class CallsModule {}
