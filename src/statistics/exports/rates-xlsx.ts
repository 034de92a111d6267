import ExcelJS from 'exceljs';
import { RatesResult } from '../rates.service';
import { FLAT_COLUMNS, flatRecords } from './flat-rows';
import { protectionCaption } from './rates-chart';

const SHEET_NAMES: Record<string, string> = {
  total: 'Total',
  area: 'By area',
  sex: 'By sex',
  ageGroup: 'By age group',
  form: 'By form',
};

/** The cover sheet: what the figures are and the protection they were made with. */
function addCover(workbook: ExcelJS.Workbook, first: RatesResult): void {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [
    { key: 'field', width: 16 },
    { key: 'value', width: 100 },
  ];
  const lines: [string, string | number | boolean][] = [
    ['indicator', first.indicator],
    ['year', first.year],
    ['period', first.period],
    ['area_code', first.areaCode],
    ['basis', first.basis],
    ['protection', first.protection],
    ['additive', first.additive],
    ...(first.ptableVersion ? [['ptable_version', first.ptableVersion] as [string, string]] : []),
    ['note', protectionCaption(first)],
  ];
  for (const [field, value] of lines) sheet.addRow({ field, value });
  sheet.getColumn(1).font = { bold: true };
}

/** One workbook: a cover sheet, then one sheet per breakdown (the total first), each as the CSV export lays it out. */
export async function ratesToXlsx(results: RatesResult[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'child-protection-cms';
  addCover(workbook, results[0]);
  for (const result of results) {
    const sheet = workbook.addWorksheet(SHEET_NAMES[result.groupBy ?? 'total']);
    sheet.columns = FLAT_COLUMNS.map((column) => ({
      header: column,
      key: column,
      width: Math.max(10, column.length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const record of flatRecords(result)) sheet.addRow(record);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
