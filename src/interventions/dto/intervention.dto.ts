import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { AGENCY_CODES, Agency, INTERVENTION_STATUSES, InterventionStatus } from '../../domain/intervention-types';
import { IsAreaCode, IsCode, IsDependentCode, IsFreeText, IsTimestamp, IsVersion } from '../../common/validators';

export class CreateInterventionDto {
  @ApiProperty({ enum: AGENCY_CODES })
  @IsCode(AGENCY_CODES)
  agency!: Agency;

  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'criminal_report' })
  @IsDependentCode()
  type!: string;

  @ApiProperty({ description: 'The area where the agency acts' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  dueAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText()
  notes?: string;
}

export class UpdateInterventionDto {
  @ApiProperty({
    enum: INTERVENTION_STATUSES,
    description:
      'Forward only: requested → accepted | rejected; accepted → in_progress → completed; criminal reports also investigating → prosecuted | not_prosecuted',
  })
  @IsCode(INTERVENTION_STATUSES)
  status!: InterventionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText()
  outcome?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The intervention version the caller last read; a stale one gets 409',
  })
  @IsVersion()
  version!: number;
}
