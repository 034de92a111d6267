import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { AGENCY_CODES, Agency, INTERVENTION_STATUSES, InterventionStatus } from '../../domain/intervention-types';
import { LengthAtMost, MAX_AREA_CODE, MAX_CODE, MAX_TIMESTAMP } from '../../common/text-limits';

export class CreateInterventionDto {
  @ApiProperty({ enum: AGENCY_CODES })
  @IsIn(AGENCY_CODES, { message: `agency must be one of ${AGENCY_CODES.join(', ')}` })
  agency!: Agency;

  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'criminal_report' })
  @IsString()
  @MaxLength(MAX_CODE)
  type!: string;

  @ApiProperty({ description: 'The area where the agency acts' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  dueAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;
}

export class UpdateInterventionDto {
  @ApiProperty({ enum: INTERVENTION_STATUSES, description: 'Forward only: requested → accepted | rejected; accepted → in_progress → completed; criminal reports also investigating → prosecuted | not_prosecuted' })
  @IsIn(INTERVENTION_STATUSES, { message: `status must be one of ${INTERVENTION_STATUSES.join(', ')}` })
  status!: InterventionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  outcome?: string;

  @ApiProperty({ description: 'The intervention version the caller last read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version!: number;
}
