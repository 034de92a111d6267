import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { DEADLINE_KINDS, DeadlineKind } from '../deadlines';
import { IsAreaCode, IsCode, IsOneOf } from '../../common/validators';

export class DeadlineQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only deadlines already past; otherwise every open deadline',
  })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Cases whose commune lies in this area' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsCode(DEADLINE_KINDS)
  kind?: DeadlineKind;
}
