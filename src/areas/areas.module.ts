import { Module } from '@nestjs/common';
import { AreaImportService } from './area-import.service';
import { AreasController } from './areas.controller';
import { AreasService } from './areas.service';
import { PopulationController } from './population.controller';
import { PopulationService } from './population.service';

/** Administrative areas and the population denominators of every rate. */
@Module({
  controllers: [AreasController, PopulationController],
  providers: [AreasService, AreaImportService, PopulationService],
  exports: [AreasService],
})
export class AreasModule {}
