import { HttpException } from '@nestjs/common';
import { readCsvTable } from './csv-table';
import { PopulationRowDto } from './dto/population.dto';
import { csvInteger, POPULATION_COLUMN_OF, POPULATION_CSV_COLUMNS, populationFromCsv } from './population-csv';
import { csvRowNaming, jsonRowNaming, validateCsvRecords } from './row-errors';

describe('a population CSV row', () => {
  it('reads whole numbers as numbers and leaves anything else for the rules to refuse', () => {
    expect(csvInteger('2025')).toBe(2025);
    expect(csvInteger('0')).toBe(0);
    expect(csvInteger('-3')).toBe(-3);
    expect(csvInteger('4.5')).toBe('4.5');
    expect(csvInteger('')).toBe('');
    expect(csvInteger('1e3')).toBe('1e3');
  });

  it('becomes the JSON row PUT /population takes', () => {
    expect(populationFromCsv({ area_code: '19753', year: '2025', sex: 'female', age: '7', count: '312' })).toEqual({
      areaCode: '19753',
      year: 2025,
      sex: 'female',
      age: 7,
      count: 312,
    });
  });

  it('is held to the JSON rules, errors naming the row, the column and the line', () => {
    const csv = 'area_code,year,sex,age,count\n19753,2025,male,3,10\n19753,2025,boy,18,-1\n';
    const records = readCsvTable(csv, POPULATION_CSV_COLUMNS);
    try {
      validateCsvRecords(PopulationRowDto, records, populationFromCsv, csvRowNaming(records, POPULATION_COLUMN_OF));
      throw new Error('expected errors');
    } catch (error) {
      const { errors } = (error as HttpException).getResponse() as { errors: { field: string; message: string }[] };
      expect(errors).toEqual([
        { field: 'rows[1].sex', message: 'line 3: sex must be one of male, female' },
        { field: 'rows[1].age', message: 'line 3: age must be a whole number from 0 to 17' },
        { field: 'rows[1].count', message: 'line 3: count must be a whole number 0 or more' },
      ]);
    }
  });

  it('names JSON rows by index only', () => {
    expect(jsonRowNaming.error(3, 'age', 'age must be between 0 and 17')).toEqual({
      field: '[3].age',
      message: 'age must be between 0 and 17',
    });
  });
});
