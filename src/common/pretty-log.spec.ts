import pino from 'pino';
import { PrettyLogFormatter, prettyLogStream } from './pretty-log';

const time = '2026-03-02T01:02:03.000Z';

describe('pretty log lines', () => {
  it('makes one line of a request, from its method and path and its completion', () => {
    const formatter = new PrettyLogFormatter();
    const incoming = {
      level: 30,
      time,
      reqId: 'r1',
      req: { method: 'GET', path: '/api/v1/cases' },
      msg: 'incoming request',
    };
    expect(formatter.format(incoming)).toBeNull();
    const completed = {
      level: 30,
      time,
      reqId: 'r1',
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    };
    expect(formatter.format(completed)).toMatch(/^\d\d:\d\d:\d\d info {2}GET \/api\/v1\/cases 200 12 ms$/);
  });

  it('leaves out Nest’s start-up chatter and keeps its warnings', () => {
    const formatter = new PrettyLogFormatter();
    expect(formatter.format({ level: 30, time, context: 'RouterExplorer', msg: 'Mapped {/cases, GET}' })).toBeNull();
    expect(formatter.format({ level: 40, time, context: 'NestApplication', msg: 'slow' })).toMatch(
      /warn {2}slow \(NestApplication\)$/,
    );
  });

  it('shows simple fields and, for errors, the stack', () => {
    const line = new PrettyLogFormatter().format({
      level: 50,
      time,
      msg: 'failed',
      code: 'E1',
      err: { message: 'boom', stack: 'Error: boom\n    at here' },
    });
    expect(line).toMatch(/error failed {2}code=E1\n {4}Error: boom\n {8}at here$/);
  });

  it('is a pino destination that writes each entry as one line', () => {
    const printed: string[] = [];
    const logger = pino(
      { base: undefined },
      prettyLogStream((text) => printed.push(text)),
    );
    logger.info({ areaCode: '46' }, 'seeded');
    expect(printed).toEqual([expect.stringMatching(/info {2}seeded {2}areaCode=46\n$/)]);
  });
});
