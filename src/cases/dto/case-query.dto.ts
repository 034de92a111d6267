import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { LengthAtMost, MAX_UUID } from '../../common/text-limits';

const ASSIGNEE_PATTERN = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
import { PageQuery } from '../../common/pagination';
import { CASE_STATUSES, CaseStatus } from '../../domain/workflow';
import { CATEGORIES, Category, codesOf } from '../../domain/codes';
import { IsAreaCode, IsCode, IsOneOf, IsPersonName } from '../../common/validators';

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsCode(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: codesOf(CATEGORIES) })
  @IsOptional()
  @IsCode(codesOf(CATEGORIES))
  category?: Category;

  @ApiPropertyOptional({ description: 'Cases whose commune lies in this area' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({ description: 'The child’s full name; matches the normalized name exactly' })
  @IsOptional()
  @IsPersonName()
  childName?: string;

  @ApiPropertyOptional({ description: '`me` for the caller’s own cases, or a user’s id', example: 'me' })
  @IsOptional()
  @Matches(ASSIGNEE_PATTERN, { message: 'assignee must be me or a user id (UUID)' })
  @LengthAtMost(MAX_UUID)
  assignee?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only cases with an overdue deadline' })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  overdue?: 'true' | 'false';
}
