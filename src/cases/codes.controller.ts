import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf } from '../common/validators';
import { Public } from '../access/authorize.decorator';
import { AGENCIES, INTERVENTION_TYPES } from '../domain/intervention-types';
import { CATEGORIES, CHANNELS, FORMS_BY_CATEGORY, Labels, PERPETRATORS, SEXES } from '../domain/codes';
import { ApiProblems } from '../common/api-problems.decorator';
import { CodesDto } from './dto/codes.dto';

class CodesQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsOneOf(['vi', 'en'])
  lang?: 'vi' | 'en';
}

const labelled = (list: Record<string, Labels>, lang: 'vi' | 'en') =>
  Object.entries(list).map(([code, labels]) => ({ code, label: labels[lang] }));

/** The code lists with their labels, for clients to render. Not sensitive, so open to all. */
@ApiTags('codes')
@Controller('codes')
export class CodesController {
  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Every code list (channels, categories, forms, perpetrators, sexes, agencies, intervention types) with labels',
  })
  @ApiOkResponse({ type: CodesDto })
  @ApiProblems(400)
  list(@Query() query: CodesQuery): CodesDto {
    const lang = query.lang ?? 'vi';
    return {
      lang,
      channels: labelled(CHANNELS, lang),
      categories: labelled(CATEGORIES, lang),
      forms: Object.entries(FORMS_BY_CATEGORY).flatMap(([category, forms]) =>
        labelled(forms, lang).map((form) => ({ ...form, category })),
      ),
      perpetrators: labelled(PERPETRATORS, lang),
      sexes: labelled(SEXES, lang),
      agencies: labelled(AGENCIES, lang),
      interventionTypes: Object.entries(INTERVENTION_TYPES).flatMap(([agency, types]) =>
        labelled(types, lang).map((type) => ({ ...type, agency })),
      ),
    };
  }
}
