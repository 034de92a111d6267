import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS } from '../deadlines';

/** An item of GET /deadlines: an open deadline of an open case. */
export class DeadlineItemDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The intervention of a deadline of kind intervention; null for the other kinds',
  })
  interventionId!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'P1DT2H30M',
    description: 'ISO 8601 duration past the due time; null when not yet due',
  })
  overdueBy!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The same in seconds' }) overdueBySeconds!: number | null;
}
