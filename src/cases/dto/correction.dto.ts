import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALL_FORMS, CATEGORIES, Category, codesOf, Perpetrator, PERPETRATORS, Sex, SEXES } from '../../domain/codes';
import {
  IsAreaCode,
  IsCode,
  IsDependentCode,
  IsFreeText,
  IsLocalDate,
  IsPersonName,
  IsTimestamp,
  IsVersion,
  Given,
} from '../../common/validators';

/** What every correction carries: the version the caller read, and why the record was wrong. */
export class CorrectionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The case version the caller last read; a stale one gets 409',
  })
  @IsVersion()
  version!: number;

  @ApiProperty({ description: 'Why the record was wrong (kept, encrypted, in the case history)', maxLength: 5000 })
  @IsFreeText(5000, { nonEmpty: true })
  reason!: string;
}

/** PATCH /cases/{id}: the intake facts of the case, corrected. Absent fields stay as they are. */
export class CorrectCaseDto extends CorrectionDto {
  @ApiPropertyOptional({ enum: codesOf(CATEGORIES) })
  @Given()
  @IsCode(codesOf(CATEGORIES))
  category?: Category;

  @ApiPropertyOptional({ enum: ALL_FORMS, description: 'Must belong to the (corrected) category' })
  @Given()
  @IsDependentCode()
  form?: string;

  @ApiPropertyOptional({ description: 'Injuries only: the child died' })
  @Given()
  @IsBoolean()
  fatal?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Not after the receipt; null: unknown (the receipt then dates the event)',
  })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string | null;

  @ApiPropertyOptional({ description: 'Commune where it happened, inside the caller’s area' })
  @Given()
  @IsAreaCode()
  occurredAreaCode?: string;

  @ApiPropertyOptional({ type: String, enum: codesOf(PERPETRATORS), nullable: true })
  @IsOptional()
  @IsCode(codesOf(PERPETRATORS))
  allegedPerpetrator?: Perpetrator | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The case’s description, as corrected' })
  @IsOptional()
  @IsFreeText()
  description?: string | null;
}

/** PATCH /cases/{id}/child: the one record of the child all its cases share, corrected. */
export class CorrectChildDto extends CorrectionDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @Given()
  @IsPersonName()
  fullName?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Replaces the estimated age; null: unknown (give estimatedAge)',
  })
  @IsOptional()
  @IsLocalDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 17,
    nullable: true,
    description:
      'Age in years when the date of birth is unknown; given without dateOfBirth, it replaces the date of birth',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  estimatedAge?: number | null;

  @ApiPropertyOptional({ enum: codesOf(SEXES) })
  @Given()
  @IsCode(codesOf(SEXES))
  sex?: Sex;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Commune where the child lives, inside the caller’s area; statistics count the child there',
  })
  @IsOptional()
  @IsAreaCode()
  residenceAreaCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsFreeText(500)
  address?: string | null;
}
