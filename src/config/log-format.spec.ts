import { ConfigError, loadConfig } from './config';

const secrets = { JWT_SECRET: 'x'.repeat(40), PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };
const format = (env: Record<string, string>, terminal: boolean) =>
  loadConfig({ ...secrets, ...env }, terminal).logFormat;

describe('LOG_FORMAT', () => {
  it('is pretty for a person at a terminal and JSON for machines (a pipe, a process manager, production)', () => {
    expect(format({}, true)).toBe('pretty');
    expect(format({}, false)).toBe('json');
    expect(format({ NODE_ENV: 'production' }, true)).toBe('json');
  });

  it('takes pretty or json as given, and nothing else', () => {
    expect(format({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(format({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false)).toBe('pretty');
    expect(() => format({ LOG_FORMAT: 'yaml' }, true)).toThrow(ConfigError);
  });
});
