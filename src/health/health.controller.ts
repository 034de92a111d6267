import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../access/authorize.decorator';
import { ProblemException } from '../common/problem';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '200 {"status":"ok"} when the database answers' })
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'The database does not answer');
    }
    return { status: 'ok' };
  }
}
