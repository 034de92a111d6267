import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../domain/roles';

/** An item of GET /cases/{id}/access-log: who read or changed the case, and when. */
export class AccessLogItemDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, enum: ROLES, nullable: true }) role!: string | null;
  @ApiProperty({ example: 'case.read' }) action!: string;
}
