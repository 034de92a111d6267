import { Module } from '@nestjs/common';
import { AreaCache } from './area-cache';
import { AreaImportService } from './area-import.service';
import { AreasController } from './areas.controller';
import { AreasService } from './areas.service';
import { PopulationController } from './population.controller';
import { PopulationService } from './population.service';

/** Administrative areas and the population denominators of every rate. */
@Module({
  controllers: [AreasController, PopulationController],
  providers: [AreasService, AreaImportService, PopulationService, AreaCache],
  exports: [AreasService, AreaCache],
})
export class AreasModule {}
