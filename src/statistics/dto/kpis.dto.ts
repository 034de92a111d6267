import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { Protection, PROTECTIONS } from '../disclosure-control';
import { Period, PERIODS } from '../periods';
import { TARGET_KINDS } from '../targets';
import { IsAreaCode, IsCode, IsYear } from '../../common/validators';

/** GET /statistics/kpis and the report package: year, period, area (and the breakdown by area). */
export class KpiBaseQuery {
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @Type(() => Number)
  @IsYear()
  year!: number;

  @ApiPropertyOptional({ enum: PERIODS, default: 'year', description: 'The year, a half, a quarter or a month' })
  @IsOptional()
  @IsCode(PERIODS, { listedAs: ['year', 'H1', 'H2', 'Q1–Q4', 'M01–M12'] })
  period?: Period;

  @ApiPropertyOptional({ description: 'Any area inside the caller’s; default the caller’s own area' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({
    enum: PROTECTIONS,
    description:
      '`protected`: cell-key perturbed counts. Default `exact` for case roles in their own area; managers always get `protected`',
  })
  @IsOptional()
  @IsCode(PROTECTIONS)
  protection?: Protection;
}

export class KpiQuery extends KpiBaseQuery {
  @ApiPropertyOptional({
    enum: ['area'],
    description: 'Absent: the total only. `area`: the direct children of areaCode',
  })
  @IsOptional()
  @IsCode(['area'])
  groupBy?: 'area';
}

export class ShareTargetDto {
  @ApiProperty({ example: 100, description: 'Per cent' }) value!: number;
  @ApiProperty({ enum: TARGET_KINDS }) kind!: string;
  @ApiProperty({ enum: ['percent'] }) unit!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null when the share is not shown' }) met!: boolean | null;
}

export class OnTimeDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Deadlines due in the period that are met or past their due time (null: suppressed)',
  })
  due!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Of those, met by their due time' }) met!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 92.5, description: 'met / due in per cent, one decimal' })
  share!: number | null;
  @ApiProperty({ nullable: true, type: [Number], description: 'Wilson 95% interval of the share, per cent' })
  ci95!: [number, number] | null;
  @ApiPropertyOptional({ nullable: true, type: ShareTargetDto }) target?: ShareTargetDto | null;
}

export class SupportedInTimeDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Distinct children with a substantiated abuse or child-labour case whose event falls in the period',
  })
  children!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Of those, children whose cases met every deadline due so far and have an intervention accepted or completed',
  })
  supported!: number | null;
  @ApiProperty({ nullable: true, type: Number }) share!: number | null;
  @ApiProperty({ nullable: true, type: [Number] }) ci95!: [number, number] | null;
  @ApiPropertyOptional({ nullable: true, type: ShareTargetDto }) target?: ShareTargetDto | null;
}

export class KpiKeyDto {
  @ApiPropertyOptional({ description: 'groupBy=area: a direct child of areaCode' }) areaCode?: string;
}

export class KpiRowDto {
  @ApiProperty({ type: KpiKeyDto, example: { areaCode: '46001' }, description: '`{}` for the total' }) key!: KpiKeyDto;
  @ApiProperty({
    enum: PROTECTIONS,
    description:
      'How this row was made: `protected` in an exact answer where the row counts a case the caller may not read ' +
      '(a child living here whose case another commune manages)',
  })
  protection!: string;
  @ApiProperty({ type: OnTimeDto }) initialAssessmentOnTime!: OnTimeDto;
  @ApiProperty({ type: OnTimeDto }) emergencyResponseOnTime!: OnTimeDto;
  @ApiProperty({ type: OnTimeDto }) policeReferralOnTime!: OnTimeDto;
  @ApiProperty({ type: OnTimeDto, description: 'Plan drafts and plan approvals together' }) planOnTime!: OnTimeDto;
  @ApiProperty({ type: OnTimeDto }) interventionsOnTime!: OnTimeDto;
  @ApiProperty({ type: SupportedInTimeDto }) supportedInTime!: SupportedInTimeDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Cases not closed, now' }) openCases!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Unmet deadlines of open cases past their due time, now' })
  overdueDeadlines!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cases closed in the period' }) closedCases!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Median whole days from receipt to closing of the cases closed in the period; when protected, of the perturbed ' +
      'count of each number of days, and null when closedCases is not shown',
  })
  medianDaysToClose!: number | null;
  @ApiProperty({ description: 'Active commune officers in the area' }) officers!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'openCases / officers, one decimal' })
  openCasesPerOfficer!: number | null;
}

export class KpisResponseDto {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: PERIODS }) period!: string;
  @ApiProperty() areaCode!: string;
  @ApiPropertyOptional({ enum: ['area'] }) groupBy?: string;
  @ApiProperty({
    enum: PROTECTIONS,
    description: '`exact` when every row is; `protected` when any row is (each row says which it is)',
  })
  protection!: string;
  @ApiProperty({ description: 'Whether rows add up to the total: false for protected figures' }) additive!: boolean;
  @ApiPropertyOptional({ example: 'maxent-v1-D2-V1' }) ptableVersion?: string;
  @ApiProperty({
    description: 'The time the snapshot figures (open cases, overdue deadlines) and "due so far" refer to',
  })
  asOf!: string;
  @ApiProperty({ type: [KpiRowDto] }) rows!: KpiRowDto[];
  @ApiProperty({ type: KpiRowDto }) total!: KpiRowDto;
}
