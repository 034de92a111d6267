import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsAreaCode, IsCode, IsOneOf, IsUuid } from '../../common/validators';
import { Agency, AGENCY_CODES, INTERVENTION_STATUSES, InterventionStatus } from '../../domain/intervention-types';

export class InterventionQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INTERVENTION_STATUSES })
  @IsOptional()
  @IsCode(INTERVENTION_STATUSES)
  status?: InterventionStatus;

  @ApiPropertyOptional({ enum: AGENCY_CODES })
  @IsOptional()
  @IsCode(AGENCY_CODES)
  agency?: Agency;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only interventions past their due time, not yet over, of open cases',
  })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'The interventions of one case' })
  @IsOptional()
  @IsUuid()
  caseId?: string;

  @ApiPropertyOptional({ description: 'Interventions carried out in this area (where the agency acts)' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;
}

/** An intervention in a work queue: the work and its case's number, nothing else of the case. */
export class InterventionQueueItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ enum: AGENCY_CODES }) agency!: string;
  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'treatment' }) type!: string;
  @ApiProperty({ description: 'The area where the agency acts' }) areaCode!: string;
  @ApiProperty({ enum: INTERVENTION_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Past its due time, not over yet, and its case open' }) overdue!: boolean;
  @ApiProperty({ description: 'Send it back with the next PATCH; a stale one gets 409' }) version!: number;
}
