import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_CODES } from '../../domain/intervention-types';
import { CATEGORIES, codesOf } from '../../domain/codes';

export class CodeLabelDto {
  @ApiProperty({ example: 'hotline_111' }) code!: string;
  @ApiProperty({ example: 'Tổng đài 111' }) label!: string;
}

export class FormLabelDto extends CodeLabelDto {
  @ApiProperty({ enum: codesOf(CATEGORIES), description: 'The category the form belongs to' }) category!: string;
}

export class InterventionTypeLabelDto extends CodeLabelDto {
  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that does this work' }) agency!: string;
}

/** GET /codes: every code list with its labels in one language. */
export class CodesDto {
  @ApiProperty({ enum: ['vi', 'en'] }) lang!: 'vi' | 'en';
  @ApiProperty({ type: [CodeLabelDto] }) channels!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) categories!: CodeLabelDto[];
  @ApiProperty({ type: [FormLabelDto] }) forms!: FormLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) perpetrators!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) sexes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) agencies!: CodeLabelDto[];
  @ApiProperty({ type: [InterventionTypeLabelDto] }) interventionTypes!: InterventionTypeLabelDto[];
}
