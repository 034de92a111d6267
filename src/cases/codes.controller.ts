import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf } from '../common/validators';
import { Public } from '../access/authorize.decorator';
import { INTERVENTION_TYPES } from '../domain/intervention-types';
import { FORMS_BY_CATEGORY, Labels } from '../domain/codes';
import { CODE_LIST_NAMES, CODE_LISTS, CodeListName } from './code-lists';
import { ApiProblems } from '../common/api-problems.decorator';
import { CodeLabelDto, CodesDto } from './dto/codes.dto';

class CodesQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsOneOf(['vi', 'en'])
  lang?: 'vi' | 'en';
}

const labelled = (list: Readonly<Record<string, Labels>>, lang: 'vi' | 'en') =>
  Object.entries(list).map(([code, labels]) => ({ code, label: labels[lang], vi: labels.vi, en: labels.en }));

/** The code lists with their labels, for clients to render. Not sensitive, so open to all. */
@ApiTags('codes')
@Controller('codes')
export class CodesController {
  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Every code the API uses (channels, categories, forms, statuses, deadline kinds, agencies, intervention types and statuses, notification kinds, call types, indicators, flags, roles, …) with Vietnamese and English labels',
  })
  @ApiOkResponse({ type: CodesDto })
  @ApiProblems(400)
  list(@Query() query: CodesQuery): CodesDto {
    const lang = query.lang ?? 'vi';
    // Every list must be a property of CodesDto (else the OpenAPI document would not describe it).
    const lists: Pick<CodesDto, CodeListName> = Object.fromEntries(
      CODE_LIST_NAMES.map((name) => [name, labelled(CODE_LISTS[name], lang)]),
    ) as Record<CodeListName, CodeLabelDto[]>;
    return {
      lang,
      ...lists,
      forms: Object.entries(FORMS_BY_CATEGORY).flatMap(([category, forms]) =>
        labelled(forms, lang).map((form) => ({ ...form, category })),
      ),
      interventionTypes: Object.entries(INTERVENTION_TYPES).flatMap(([agency, types]) =>
        labelled(types, lang).map((type) => ({ ...type, agency })),
      ),
    };
  }
}
