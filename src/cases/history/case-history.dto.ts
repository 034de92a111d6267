import { ApiProperty } from '@nestjs/swagger';
import { codesOf } from '../../domain/codes';
import { ROLES } from '../../domain/roles';
import { HISTORY_ACTIONS } from './history-actions';

/** A value as it was or became: a code, a time, a number, a flag. */
const VALUE = { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] };

/** One field a change moved, from what to what. */
export class HistoryChangeDto {
  @ApiProperty({ example: 'form' }) field!: string;
  @ApiProperty({
    ...(VALUE as object),
    example: 'violence',
    description: 'Null when there was none, or when it is a personal value the caller’s role may not read',
  })
  from!: string | number | boolean | null;
  @ApiProperty({ ...(VALUE as object), example: 'sexual_abuse' }) to!: string | number | boolean | null;
  @ApiProperty({ description: 'A personal value (name, birth date, address, free text): stored encrypted' })
  personal!: boolean;
}

/** An item of GET /cases/{id}/history. */
export class HistoryItemDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, enum: ROLES, nullable: true }) role!: string | null;
  @ApiProperty({ enum: codesOf(HISTORY_ACTIONS), description: 'GET /codes historyActions' }) action!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why, as the caller gave it; case roles only (the auditor gets null)',
  })
  reason!: string | null;
  @ApiProperty({ type: [HistoryChangeDto] }) changes!: HistoryChangeDto[];
}
