import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../access/authorize.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { ProblemException } from '../common/problem';
import { HealthDto } from './dto/health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '200 {"status":"ok"} when the database answers' })
  @ApiOkResponse({ type: HealthDto })
  // 400: a query string with a key that is not data (`?__proto__=`) is refused on every route.
  @ApiProblems(400, 503)
  async check(): Promise<HealthDto> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'The database does not answer');
    }
    return { status: 'ok' };
  }
}
