import { HttpException } from '@nestjs/common';
import { bodyFormat, readCsvTable } from './csv-table';

function problemOf(action: () => unknown): {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
} {
  try {
    action();
  } catch (error) {
    const response = (error as HttpException).getResponse() as {
      detail?: string;
      errors?: { field: string; message: string }[];
    };
    return { status: (error as HttpException).getStatus(), ...response };
  }
  throw new Error('expected a problem');
}

describe('reading a CSV table', () => {
  const columns = ['code', 'name'];

  it('gives each row its values by column and the line it sits on', () => {
    const records = readCsvTable('code,name\n01,"Hà Nội"\n\n46,"Huế, thành phố"\n', columns);
    expect(records).toEqual([
      { line: 2, values: { code: '01', name: 'Hà Nội' } },
      { line: 4, values: { code: '46', name: 'Huế, thành phố' } },
    ]);
  });

  it('takes the columns in any order, ignores a byte-order mark and trims cells', () => {
    const records = readCsvTable('\uFEFFname , code\n Huế , 46 \n', columns);
    expect(records).toEqual([{ line: 2, values: { code: '46', name: 'Huế' } }]);
  });

  it('requires a header naming exactly the columns', () => {
    expect(problemOf(() => readCsvTable('', columns)).errors).toEqual([
      { field: 'header', message: expect.stringContaining('code,name') },
    ]);
    const wrong = problemOf(() => readCsvTable('code,title\n1,x\n', columns));
    expect(wrong.status).toBe(400);
    expect(wrong.errors?.[0]).toEqual({
      field: 'header',
      message: expect.stringMatching(/missing name; unknown title/),
    });
    expect(problemOf(() => readCsvTable('01,Hà Nội\n', columns)).errors?.[0].field).toBe('header');
  });

  it('names a row with the wrong number of fields and its line', () => {
    const problem = problemOf(() => readCsvTable('code,name\n01,A\n02\n03,C,extra\n', columns));
    expect(problem.errors).toEqual([
      { field: 'rows[1]', message: 'line 3: has 1 fields, the header names 2' },
      { field: 'rows[2]', message: 'line 4: has 3 fields, the header names 2' },
    ]);
  });

  it('answers unreadable CSV with the line, never the data', () => {
    const problem = problemOf(() => readCsvTable('code,name\n01,"secret\n', columns));
    expect(problem.errors).toEqual([{ field: 'body', message: expect.stringMatching(/line 2/) }]);
    expect(problem.detail).not.toContain('secret');
  });

  it('refuses a body that is not text', () => {
    expect(problemOf(() => readCsvTable({ code: 1 }, columns)).errors?.[0]).toEqual({
      field: 'body',
      message: 'must be CSV text',
    });
  });
});

describe('choosing the body format', () => {
  it('reads the media type without its parameters', () => {
    expect(bodyFormat('text/csv; charset=utf-8', ['json', 'csv'])).toBe('csv');
    expect(bodyFormat('Application/JSON', ['json', 'csv'])).toBe('json');
  });

  it('answers 415 naming what is accepted', () => {
    const problem = problemOf(() => bodyFormat('application/json', ['csv']));
    expect(problem.status).toBe(415);
    expect(problem.detail).toBe('Send the body as text/csv');
    expect(problemOf(() => bodyFormat(undefined, ['json', 'csv'])).status).toBe(415);
  });
});
