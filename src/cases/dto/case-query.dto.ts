import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { CASE_STATUSES, CaseStatus } from '../../domain/workflow';
import { CATEGORIES, Category, codesOf } from '../../domain/codes';
import { LengthAtMost, MAX_AREA_CODE } from '../../common/text-limits';


export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: codesOf(CATEGORIES) })
  @IsOptional()
  @IsIn(codesOf(CATEGORIES), { message: `category must be one of ${codesOf(CATEGORIES).join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ description: 'Cases whose commune lies in this area' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode?: string;

  @ApiPropertyOptional({ description: 'The child’s full name; matches the normalized name exactly' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  childName?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only cases with an overdue deadline' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
