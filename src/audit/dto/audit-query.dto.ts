import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../common/pagination';
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
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiPropertyOptional({ nullable: true }) userId!: string | null;
  @ApiPropertyOptional({ nullable: true }) username!: string | null;
  @ApiPropertyOptional({ nullable: true }) role!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() subjectType!: string;
  @ApiPropertyOptional({ nullable: true }) subjectId!: string | null;
  @ApiPropertyOptional({ nullable: true }) caseId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The server’s id of the request (its X-Request-Id response header)' }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The X-Request-Id the client sent, as the client chose it' }) clientRequestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) details!: Record<string, unknown> | null;
}
