import { Body, Controller, Get, Headers, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { PopulationQuery, PopulationRowDto, PopulationSummary, PopulationUpsertResult } from './dto/population.dto';
import { POPULATION_CSV_COLUMNS } from './population-csv';
import { PopulationService } from './population.service';

@ApiTags('population')
@ApiBearerAuth()
@Controller('population')
export class PopulationController {
  constructor(private readonly population: PopulationService) {}

  @Put()
  @Authorize('update', 'Population')
  @ApiOperation({
    summary: 'Upsert children by commune, year, sex and single year of age, all or nothing (admin)',
    description: `A JSON array of rows, or text/csv with the header \`${POPULATION_CSV_COLUMNS.join(',')}\`.`,
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    type: [PopulationRowDto],
    description:
      'JSON: an array of rows. text/csv: the same rows, one per line, under the header (the schema shows the JSON form).',
  })
  @ApiOkResponse({ type: PopulationUpsertResult })
  @ApiProblems(400, 413, 415)
  upsert(
    @CurrentCaller() caller: Caller,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<PopulationUpsertResult> {
    return this.population.upsert(caller, contentType, body);
  }

  @Get()
  @Authorize('read', 'Population')
  @ApiOperation({
    summary: 'Children in an area’s subtree for one year: 0–15 and 5–17 (statistics roles and admin, in their area)',
  })
  @ApiOkResponse({ type: PopulationSummary })
  @ApiProblems(400, 404)
  summary(@CurrentCaller() caller: Caller, @Query() query: PopulationQuery): Promise<PopulationSummary> {
    return this.population.summary(caller, query);
  }
}
