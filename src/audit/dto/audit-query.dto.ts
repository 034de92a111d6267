import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { ROLES } from '../../domain/roles';
import { IsTimestamp, IsUsername, IsUuid } from '../../common/validators';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive), ISO 8601' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time (exclusive), ISO 8601' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUsername(1)
  username?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuid()
  caseId?: string;
}

export class AuditItem {
  @ApiProperty({ example: '1042', description: 'The entry’s place in the log (a growing number, as text)' })
  id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, enum: ROLES, nullable: true }) role!: string | null;
  @ApiProperty({ example: 'case.read' }) action!: string;
  @ApiProperty({ example: 'Case' }) subjectType!: string;
  @ApiProperty({ type: String, nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The server’s id of the request (its X-Request-Id response header)',
  })
  requestId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The X-Request-Id the client sent, as the client chose it',
  })
  clientRequestId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Codes and ids of the action; never a personal value',
  })
  details!: Record<string, unknown> | null;
}
