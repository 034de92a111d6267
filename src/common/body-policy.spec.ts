import { AUTH_BODY_LIMIT, bodyPolicy, DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, mediaType } from './body-policy';

describe('bodyPolicy', () => {
  it('takes CSV, up to 50 MiB, only on the two imports', () => {
    expect(bodyPolicy('POST', '/areas/import')).toEqual({ limit: IMPORT_BODY_LIMIT, acceptsCsv: true });
    expect(bodyPolicy('put', '/population')).toEqual({ limit: IMPORT_BODY_LIMIT, acceptsCsv: true });
    expect(bodyPolicy('GET', '/population')).toEqual({ limit: DEFAULT_BODY_LIMIT, acceptsCsv: false });
    expect(bodyPolicy('POST', '/areas')).toEqual({ limit: DEFAULT_BODY_LIMIT, acceptsCsv: false });
  });

  it('gives sign-in and password routes a few KiB', () => {
    expect(bodyPolicy('POST', '/auth/login')).toEqual({ limit: AUTH_BODY_LIMIT, acceptsCsv: false });
    expect(bodyPolicy('POST', '/auth/password').limit).toBe(AUTH_BODY_LIMIT);
    expect(AUTH_BODY_LIMIT).toBeLessThan(8 * 1024);
  });

  it('gives every other route 1 MiB', () => {
    expect(bodyPolicy('POST', '/reports')).toEqual({ limit: 1024 * 1024, acceptsCsv: false });
    expect(bodyPolicy('POST', '/cases/:id/plan').limit).toBe(DEFAULT_BODY_LIMIT);
  });
});

describe('mediaType', () => {
  it('drops parameters and case', () => {
    expect(mediaType('Text/CSV; charset=utf-8')).toBe('text/csv');
    expect(mediaType(undefined)).toBe('');
  });
});
