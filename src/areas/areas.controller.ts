import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Page } from '../common/pagination';
import { AREA_CSV_COLUMNS } from './area-csv';
import { AreaImportService } from './area-import.service';
import { AreasService } from './areas.service';
import { AreaImportResult, AreaListQuery, AreaView, CreateAreaDto } from './dto/area.dto';

@ApiTags('areas')
@ApiBearerAuth()
@Controller('areas')
export class AreasController {
  constructor(
    private readonly areas: AreasService,
    private readonly importer: AreaImportService,
  ) {}

  @Post()
  @Authorize('create', 'Area')
  @ApiOperation({ summary: 'Create a province, district or commune inside the admin’s area (admin)' })
  @ApiCreatedResponse({ type: AreaView })
  @ApiProblems(400, 409, 413, 415)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAreaDto): Promise<AreaView> {
    return this.areas.create(caller, dto);
  }

  @Post('import')
  @HttpCode(200)
  @Authorize('create', 'Area')
  @ApiOperation({
    summary: 'Create or update many areas from CSV, all or nothing (admin)',
    description: `Header row \`${AREA_CSV_COLUMNS.join(',')}\`. Parents come before their children or are stored already; an existing code keeps its level and parent.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: `${AREA_CSV_COLUMNS.join(',')}\n46,Thành phố Huế,province,VN,2025-07-01,,\n` },
  })
  @ApiOkResponse({ type: AreaImportResult })
  @ApiProblems(400, 413, 415)
  import(
    @CurrentCaller() caller: Caller,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<AreaImportResult> {
    return this.importer.importCsv(caller, contentType, body);
  }

  @Get(':code')
  @Authorize('read', 'Area')
  @ApiOperation({ summary: 'One area, current or retired' })
  @ApiOkResponse({ type: AreaView })
  @ApiProblems(404)
  get(@Param('code') code: string): Promise<AreaView> {
    return this.areas.get(code);
  }

  @Get()
  @Authorize('read', 'Area')
  @ApiOperation({ summary: 'The direct children of an area by code; without parentCode, the country' })
  @ApiPageResponse(AreaView)
  @ApiProblems(400, 404)
  list(@Query() query: AreaListQuery): Promise<Page<AreaView>> {
    return this.areas.list(query);
  }
}
