import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LengthAtMost, MAX_TIMESTAMP } from '../../../common/text-limits';

export class RecordConsentDto {
  @ApiProperty({ enum: ['child', 'guardian'] })
  @IsIn(['child', 'guardian'], { message: 'party must be child or guardian' })
  party!: 'child' | 'guardian';

  @ApiProperty({ description: 'false records a refusal or a withdrawal' })
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional({ description: 'When the consent was given; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  recordedAt?: string;
}

export class RecordDisclosureDto {
  @ApiProperty({ example: 'Bệnh viện Nhi tỉnh' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  recipient!: string;

  @ApiProperty({ enum: ['state_authority', 'non_state'] })
  @IsIn(['state_authority', 'non_state'], { message: 'recipientType must be state_authority or non_state' })
  recipientType!: 'state_authority' | 'non_state';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  purpose!: string;

  @ApiPropertyOptional({ description: 'Required for a state authority, e.g. "Luật 91/2025/QH15 Điều 19"' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  legalBasis?: string;
}
