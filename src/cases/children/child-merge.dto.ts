import { ApiProperty } from '@nestjs/swagger';
import { IsFreeText, IsUuid } from '../../common/validators';

export class MergeChildDto {
  @ApiProperty({ format: 'uuid', description: 'The record that stays: the merged child’s cases move to it' })
  @IsUuid()
  intoChildId!: string;

  @ApiProperty({
    description: 'Why the two records are one child (kept, encrypted, in the cases’ history)',
    maxLength: 5000,
  })
  @IsFreeText(5000, { nonEmpty: true })
  reason!: string;
}

export class NotDuplicateDto {
  @ApiProperty({ format: 'uuid', description: 'The possible duplicate judged to be another child' })
  @IsUuid()
  otherChildId!: string;
}

export class MergedCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
}

export class MergedChildDto {
  @ApiProperty({ format: 'uuid', description: 'The child that stays' }) childId!: string;
  @ApiProperty({ format: 'uuid', description: 'The merged record: it answers 404 from now on' }) mergedChildId!: string;
  @ApiProperty({ type: [MergedCaseDto], description: 'The child’s cases, those the caller may see' })
  cases!: MergedCaseDto[];
}
