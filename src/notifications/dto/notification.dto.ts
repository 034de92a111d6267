import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsOneOf } from '../../common/validators';
import { NOTIFICATION_KINDS } from '../notification-kinds';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the notifications not read yet' })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  unread?: 'true' | 'false';
}

/** One notification of the caller's inbox: codes, ids, a case number and times, never personal data. */
export class NotificationItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) interventionId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A deadline kind (GET /codes), when one applies' })
  deadlineKind!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When that deadline falls due' })
  dueAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}
