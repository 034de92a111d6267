import { ApiProperty } from '@nestjs/swagger';
import { ALL_FORMS, CATEGORIES, codesOf } from '../../domain/codes';
import { CASE_STATUSES } from '../../domain/workflow';
import { AssigneeDto } from './assignment.dto';
import { RISK_LEVELS } from './workflow.dto';

/** An item of GET /cases: codes and times only, nothing personal. */
export class CaseListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ enum: codesOf(CATEGORIES) }) category!: string;
  @ApiProperty({ enum: ALL_FORMS }) form!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: String, enum: RISK_LEVELS, nullable: true }) riskLevel!: string | null;
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ description: 'The commune of the case' }) areaCode!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: AssigneeDto, nullable: true, description: 'The officer who carries the case' })
  assignee!: AssigneeDto | null;
  @ApiProperty() version!: number;
}
