import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { Page } from '../common/pagination';
import { AuditLogService } from './audit-log.service';
import { AuditItem, AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Authorize('read', 'AuditLog')
  @ApiOperation({ summary: 'The access and change log, newest first (auditor)' })
  @ApiPageResponse(AuditItem)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: AuditQuery): Promise<Page<AuditItem>> {
    return this.auditLog.list(caller, query);
  }
}
