import ExcelJS from 'exceljs';
import { RatesResult } from '../rates.service';
import { FLAT_COLUMNS, flatRecords } from './flat-rows';

const SHEET_NAMES: Record<string, string> = {
  total: 'Total',
  area: 'By area',
  sex: 'By sex',
  ageGroup: 'By age group',
  form: 'By form',
};

/** One workbook, one sheet per breakdown (the total first), each as the CSV export lays it out. */
export async function ratesToXlsx(results: RatesResult[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'child-protection-cms';
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
