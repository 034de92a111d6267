import { HttpException } from '@nestjs/common';
import { areaFromCsv, AREA_COLUMN_OF, AREA_CSV_COLUMNS } from './area-csv';
import { readCsvTable } from './csv-table';
import { CreateAreaDto } from './dto/area.dto';
import { csvRowNaming, validateCsvRecords } from './row-errors';

const header = AREA_CSV_COLUMNS.join(',');

function validate(csv: string): CreateAreaDto[] {
  const records = readCsvTable(csv, AREA_CSV_COLUMNS);
  return validateCsvRecords(CreateAreaDto, records, areaFromCsv, csvRowNaming(records, AREA_COLUMN_OF));
}

function errorsOf(csv: string): { field: string; message: string }[] {
  try {
    validate(csv);
  } catch (error) {
    return ((error as HttpException).getResponse() as { errors: { field: string; message: string }[] }).errors;
  }
  throw new Error('expected errors');
}

describe('an area CSV row', () => {
  it('becomes the body POST /areas takes, empty cells being absent', () => {
    expect(
      areaFromCsv({
        code: '19753',
        name: 'Thuận Hóa',
        level: 'commune',
        parent_code: '46',
        valid_from: '2025-07-01',
        valid_to: '',
        successor_code: '',
      }),
    ).toEqual({
      code: '19753',
      name: 'Thuận Hóa',
      level: 'commune',
      parentCode: '46',
      validFrom: '2025-07-01',
      validTo: undefined,
      successorCode: undefined,
    });
  });

  it('passes the same rules as a JSON body', () => {
    const [row] = validate(`${header}\n19753,Thuận Hóa,commune,46,2025-07-01,,\n`);
    expect(row).toBeInstanceOf(CreateAreaDto);
    expect(row).toMatchObject({ code: '19753', parentCode: '46', validFrom: '2025-07-01' });
  });

  it('names a bad cell by row index and CSV column, with the line in the message', () => {
    const errors = errorsOf(`${header}\n01,Hà Nội,province,VN,,,\n02,X,hamlet,,2025-02-30,,bad code\n`);
    expect(errors).toEqual([
      { field: 'rows[1].level', message: 'line 3: level must be one of country, province, district, commune' },
      {
        field: 'rows[1].parent_code',
        message: 'line 3: parent_code must be the code of the area one tier up (1–32 letters, digits or dashes)',
      },
      { field: 'rows[1].valid_from', message: 'line 3: valid_from must be a date YYYY-MM-DD' },
      { field: 'rows[1].successor_code', message: 'line 3: successor_code must be 1–32 letters, digits or dashes' },
    ]);
  });
});
