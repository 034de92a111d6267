import { stringify } from 'csv-stringify/sync';
import { RatesResult } from '../rates.service';
import { FLAT_COLUMNS, flatRecords } from './flat-rows';

/** `Accept: text/csv`: the response's rows, then the total, one line each under a header. */
export function ratesToCsv(result: RatesResult): string {
  return stringify(flatRecords(result), {
    header: true,
    columns: [...FLAT_COLUMNS],
    cast: { boolean: (value) => String(value) },
  });
}
