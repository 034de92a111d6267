import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsTimestamp, IsUsername, IsUuid } from '../../common/validators';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'From this time (inclusive), ISO 8601' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this time (exclusive), ISO 8601' })
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
