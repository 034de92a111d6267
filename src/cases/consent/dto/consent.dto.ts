import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsFreeText, IsOneOf, IsTimestamp } from '../../../common/validators';

export class RecordConsentDto {
  @ApiProperty({ enum: ['child', 'guardian'] })
  @IsOneOf(['child', 'guardian'])
  party!: 'child' | 'guardian';

  @ApiProperty({ description: 'false records a refusal or a withdrawal' })
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the consent was given; defaults to now' })
  @IsOptional()
  @IsTimestamp()
  recordedAt?: string;
}

export class RecordDisclosureDto {
  @ApiProperty({ example: 'Bệnh viện Nhi tỉnh' })
  @IsFreeText(300, { nonEmpty: true })
  recipient!: string;

  @ApiProperty({ enum: ['state_authority', 'non_state'] })
  @IsOneOf(['state_authority', 'non_state'])
  recipientType!: 'state_authority' | 'non_state';

  @ApiProperty()
  @IsFreeText(2000, { nonEmpty: true })
  purpose!: string;

  @ApiPropertyOptional({ description: 'Required for a state authority, e.g. "Luật 91/2025/QH15 Điều 19"' })
  @IsOptional()
  @IsFreeText(500, { nonEmpty: true })
  legalBasis?: string;
}
