import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { ROLES } from '../../domain/roles';
import { LengthAtMost, MAX_CODE, MAX_TIMESTAMP, MAX_UUID } from '../../common/text-limits';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'From this time (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  from?: string;

  @ApiPropertyOptional({ description: 'Before this time (exclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9._-]{1,64}$/i, { message: 'username must be 1–64 letters, digits, dots, dashes or underscores' })
  @LengthAtMost(MAX_CODE)
  username?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  @LengthAtMost(MAX_UUID)
  caseId?: string;
}

export class AuditItem {
  @ApiProperty({ example: '1042', description: 'The entry’s place in the log (a growing number, as text)' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, enum: ROLES, nullable: true }) role!: string | null;
  @ApiProperty({ example: 'case.read' }) action!: string;
  @ApiProperty({ example: 'Case' }) subjectType!: string;
  @ApiProperty({ type: String, nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The server’s id of the request (its X-Request-Id response header)' }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The X-Request-Id the client sent, as the client chose it' }) clientRequestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Codes and ids of the action; never a personal value' }) details!: Record<string, unknown> | null;
}
