/**
 * LOG_FORMAT=pretty: pino's JSON lines turned into one short line each for a person at a terminal
 * (`12:03:04 warn  message  key=value`). Nest's start-up chatter (modules loaded, routes mapped) is
 * left out (as is Fastify's "Server listening at"), and a request is one line when it completes (`GET /api/v1/cases 200 12 ms`): its
 * method and path come from the "incoming request" line, which is not shown itself. The same
 * serializers and redaction run before: nothing appears here that the JSON would not hold.
 */

type Entry = Record<string, unknown>;

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
/** Nest's messages while it assembles the application: one per module, route and controller. */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);
/** Fields every line has, or that the line shows in its own way. */
const SHOWN_OTHERWISE = new Set([
  'level',
  'time',
  'msg',
  'pid',
  'hostname',
  'service',
  'context',
  'reqId',
  'req',
  'res',
  'err',
  'responseTime',
]);
/** Requests seen coming in and not yet completed; bounded, so an aborted one cannot make it grow. */
const MAX_OPEN_REQUESTS = 1000;

function clock(time: unknown): string {
  const date = new Date(typeof time === 'string' || typeof time === 'number' ? time : Date.now());
  return date.toTimeString().slice(0, 8);
}

function extras(entry: Entry): string {
  return Object.entries(entry)
    .filter(([key, value]) => !SHOWN_OTHERWISE.has(key) && value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

function errorText(err: unknown): string {
  if (!err || typeof err !== 'object') return '';
  const { message, stack } = err as { message?: unknown; stack?: unknown };
  const text = typeof stack === 'string' ? stack : typeof message === 'string' ? message : '';
  return text ? `\n    ${text.split('\n').join('\n    ')}` : '';
}

/** Formats pino's JSON lines; keeps the method and path of requests between their two lines. */
export class PrettyLogFormatter {
  private readonly open = new Map<string, string>();

  /** The line to print for one pino entry, without its newline, or null for none. */
  format(entry: Entry): string | null {
    const level = typeof entry.level === 'number' ? entry.level : 30;
    const label = (LEVELS[level] ?? String(level)).padEnd(5);
    const message = typeof entry.msg === 'string' ? entry.msg : '';
    const reqId = typeof entry.reqId === 'string' ? entry.reqId : undefined;
    if (level <= 30 && START_UP_CONTEXTS.has(String(entry.context))) return null;
    // Fastify's own "Server listening at …" per address: the start prints where to go.
    if (level <= 30 && message.startsWith('Server listening at')) return null;
    if (message === 'incoming request' && reqId && entry.req && typeof entry.req === 'object') {
      const { method, path } = entry.req as { method?: string; path?: string };
      if (this.open.size >= MAX_OPEN_REQUESTS) this.open.delete(this.open.keys().next().value!);
      this.open.set(reqId, `${method ?? '?'} ${path ?? '?'}`);
      return null;
    }
    let text = message;
    if (message === 'request completed' && reqId) {
      const status = (entry.res as { statusCode?: number } | undefined)?.statusCode ?? '?';
      const time = typeof entry.responseTime === 'number' ? ` ${Math.round(entry.responseTime)} ms` : '';
      text = `${this.open.get(reqId) ?? 'request'} ${status}${time}`;
      this.open.delete(reqId);
    }
    const context = entry.context && level > 30 ? ` (${String(entry.context)})` : '';
    const rest = extras(entry);
    return `${clock(entry.time)} ${label} ${text}${context}${rest ? `  ${rest}` : ''}${level >= 50 ? errorText(entry.err) : ''}`;
  }
}

/** A pino destination that prints pretty lines (to stdout unless told otherwise). */
export function prettyLogStream(print: (text: string) => void = (text) => process.stdout.write(text)) {
  const formatter = new PrettyLogFormatter();
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        let entry: Entry;
        try {
          entry = JSON.parse(line) as Entry;
        } catch {
          print(`${line}\n`);
          continue;
        }
        const text = formatter.format(entry);
        if (text !== null) print(`${text}\n`);
      }
    },
  };
}
