import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { CALL_CHANNELS, CALL_GROUP_BY, CALL_TYPES, CallChannel, CallGroupBy, CallType } from '../../domain/calls';
import { PageQuery } from '../../common/pagination';
import { IsAreaCode, IsCode, IsFreeText, IsTimestamp, IsUuid, IsYear } from '../../common/validators';
import { Protection, PROTECTIONS } from '../../statistics/disclosure-control';
import { Period, PERIODS } from '../../statistics/periods';

/** POST /calls: one call to the hotline, whatever it was. */
export class CreateCallDto {
  @ApiProperty({ enum: CALL_CHANNELS })
  @IsCode(CALL_CHANNELS)
  channel!: CallChannel;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; not in the future' })
  @IsOptional()
  @IsTimestamp()
  receivedAt?: string;

  @ApiProperty({ enum: CALL_TYPES, description: '`report` needs `reportId` of a report the caller filed' })
  @IsCode(CALL_TYPES)
  type!: CallType;

  @ApiPropertyOptional({
    description: 'The area the call concerns, inside the caller’s area; absent: the caller’s own area counts it',
  })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({ description: 'The operator’s notes (encrypted)', maxLength: 5000 })
  @IsOptional()
  @IsFreeText(5000)
  notes?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Calls of type `report`: the report the caller filed' })
  @IsOptional()
  @IsUuid()
  reportId?: string;
}

export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CALL_CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: CALL_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** GET /calls: the caller's own calls, newest first. */
export class CallQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or after' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received before' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ enum: CALL_TYPES })
  @IsOptional()
  @IsCode(CALL_TYPES)
  type?: CallType;
}

/** GET /statistics/calls. */
export class CallStatisticsQuery {
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @Type(() => Number)
  @IsYear()
  year!: number;

  @ApiPropertyOptional({ enum: PERIODS, default: 'year' })
  @IsOptional()
  @IsCode(PERIODS, { listedAs: ['year', 'H1', 'H2', 'Q1–Q4', 'M01–M12'] })
  period?: Period;

  @ApiPropertyOptional({ description: 'Any area inside the caller’s; default the caller’s own area' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({
    enum: CALL_GROUP_BY,
    description: 'Absent: the total only. `area`: the direct children of areaCode',
  })
  @IsOptional()
  @IsCode(CALL_GROUP_BY)
  groupBy?: CallGroupBy;

  @ApiPropertyOptional({
    enum: PROTECTIONS,
    description:
      '`protected`: cell-key perturbed counts, fit for publication. Default: `exact` for hotline operators and ' +
      'provincial officers (their own area); managers always get `protected`',
  })
  @IsOptional()
  @IsCode(PROTECTIONS)
  protection?: Protection;
}

export class CallCountKeyDto {
  @ApiPropertyOptional({ type: String, nullable: true, enum: CALL_TYPES }) type?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: CALL_CHANNELS }) channel?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A direct child of areaCode; null: calls filed for the area itself',
  })
  areaCode?: string | null;
}

export class CallCountCellDto {
  @ApiProperty({ type: CallCountKeyDto, example: { type: 'counselling' }, description: '`{}` for the total' })
  key!: CallCountKeyDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Calls (perturbed when protected); null when suppressed' })
  count!: number | null;
  @ApiProperty({ type: [String], enum: ['suppressed'] }) flags!: string[];
}

export class CallStatisticsDto {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: PERIODS }) period!: string;
  @ApiProperty() areaCode!: string;
  @ApiPropertyOptional({ enum: CALL_GROUP_BY }) groupBy?: string;
  @ApiProperty({ enum: PROTECTIONS }) protection!: string;
  @ApiProperty({ description: 'Whether the rows add up to the total: false for protected counts' }) additive!: boolean;
  @ApiPropertyOptional({ example: 'maxent-v1-D2-V1' }) ptableVersion?: string;
  @ApiProperty({ type: [CallCountCellDto] }) rows!: CallCountCellDto[];
  @ApiProperty({ type: CallCountCellDto }) total!: CallCountCellDto;
}
