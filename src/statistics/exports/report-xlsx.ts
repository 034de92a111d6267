import ExcelJS from 'exceljs';
import { CallCountsResult } from '../call-statistics.service';
import {
  CALL_TYPE_LABELS,
  INDICATOR_LABELS,
  KPI_LABELS,
  periodLabel,
  PROTECTION_LABELS,
  TARGET_KIND_LABELS,
} from '../labels';
import { KpisResult } from '../kpis.service';
import { ON_TIME_KPI_NAMES, OnTimeFigure, PublishedKpis, SupportedFigure } from '../kpis';
import { RatesResult } from '../rates.service';
import { PublishedCell } from '../disclosure-control';

/**
 * The periodic report package (docs/statistics.md, Targets): a cover sheet, every rate indicator
 * and every KPI for the area and each direct sub-area against their targets, and the hotlines'
 * calls (for roles that may read them).
 * Headers are Vietnamese with the code beside them ("Số trẻ em [count]"); code columns hold codes,
 * label columns their Vietnamese labels. Built only from published (disclosure-controlled) results.
 */
export interface ReportInput {
  area: { code: string; name: string };
  /** Names of the area and its direct sub-areas, by code. */
  areaNames: Map<string, string>;
  year: number;
  period: RatesResult['period'];
  generatedAt: Date;
  generatedBy: { username: string; role: string };
  rates: RatesResult[];
  kpis: KpisResult;
  /** The hotlines' calls, when the caller may read call statistics. */
  calls?: { byArea: CallCountsResult; byType: CallCountsResult };
}

const header = (vi: string, code: string) => `${vi} [${code}]`;

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: [string, string, number][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map(([vi, code, width]) => ({ header: header(vi, code), key: code, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

function addCover(workbook: ExcelJS.Workbook, input: ReportInput): void {
  const sheet = workbook.addWorksheet('Bìa');
  sheet.columns = [
    { key: 'field', width: 36 },
    { key: 'value', width: 80 },
  ];
  const { protection } = input.kpis;
  const lines: [string, string, string | number | boolean][] = [
    ['Báo cáo số liệu bảo vệ trẻ em', 'title', 'Báo cáo định kỳ: chỉ số và chỉ tiêu'],
    ['Mã địa bàn', 'area_code', input.area.code],
    ['Địa bàn', 'area_name', input.area.name],
    ['Năm', 'year', input.year],
    ['Kỳ báo cáo', 'period', input.period],
    ['Kỳ báo cáo (tên)', 'period_label', periodLabel(input.year, input.period).vi],
    ['Bảo vệ số liệu', 'protection', protection],
    ['Bảo vệ số liệu (tên)', 'protection_label', PROTECTION_LABELS[protection].vi],
    ['Các dòng cộng lại bằng tổng', 'additive', input.kpis.additive],
    ...(input.kpis.ptableVersion
      ? [['Bảng nhiễu', 'ptable_version', input.kpis.ptableVersion] as [string, string, string]]
      : []),
    [
      'Cuộc gọi đến tổng đài',
      'calls',
      input.calls ? 'Có (trang "Cuộc gọi")' : 'Không: vai trò người lập không được xem thống kê cuộc gọi',
    ],
    ['Thời điểm lập', 'generated_at', input.generatedAt.toISOString()],
    ['Người lập', 'generated_by', input.generatedBy.username],
    ['Vai trò người lập', 'generated_by_role', input.generatedBy.role],
    [
      'Ghi chú',
      'note',
      protection === 'protected'
        ? 'Số liệu được bảo vệ bằng phương pháp khóa ô: mỗi ô được làm nhiễu nhẹ, số nhỏ không công bố; các dòng không nhất thiết cộng lại bằng tổng.'
        : 'Số liệu chính xác, chỉ dùng nội bộ; muốn công bố hãy lập báo cáo với protection=protected.',
    ],
  ];
  for (const [vi, code, value] of lines) sheet.addRow({ field: header(vi, code), value });
  sheet.getColumn(1).font = { bold: true };
}

const targetColumns: [string, string, number][] = [
  ['Chỉ tiêu', 'target_value', 12],
  ['Đơn vị chỉ tiêu', 'target_unit', 12],
  ['Loại chỉ tiêu', 'target_kind', 12],
  ['Loại chỉ tiêu (tên)', 'target_kind_label', 16],
  ['Đạt chỉ tiêu', 'target_met', 12],
];

function addRates(workbook: ExcelJS.Workbook, input: ReportInput): void {
  const sheet = addSheet(workbook, 'Chỉ số tỷ lệ', [
    ['Mã chỉ số', 'indicator', 14],
    ['Chỉ số', 'indicator_label', 40],
    ['Cơ sở tính', 'basis', 14],
    ['Mã địa bàn', 'area_code', 12],
    ['Địa bàn', 'area_name', 28],
    ['Số trẻ em', 'count', 10],
    ['Số trẻ em trong dân số', 'population', 14],
    ['Tỷ lệ trên 100.000 trẻ em', 'rate', 14],
    ['Cận dưới KTC 95%', 'ci95_lower', 12],
    ['Cận trên KTC 95%', 'ci95_upper', 12],
    ['Ghi chú số liệu', 'flags', 16],
    ['Chỉ tiêu trên 100.000', 'target_per100k', 12],
    ['Chỉ tiêu %', 'target_percent', 12],
    ...targetColumns.filter(([, code]) => code !== 'target_value'),
  ]);
  for (const result of input.rates) {
    const add = (cell: PublishedCell, code: string) =>
      sheet.addRow({
        indicator: result.indicator,
        indicator_label: INDICATOR_LABELS[result.indicator].vi,
        basis: result.basis,
        area_code: code,
        area_name: input.areaNames.get(code) ?? '',
        count: cell.count,
        population: cell.population,
        rate: cell.rate,
        ci95_lower: cell.ci95?.[0] ?? null,
        ci95_upper: cell.ci95?.[1] ?? null,
        flags: cell.flags.join(';'),
        target_per100k: cell.target?.per100k ?? null,
        target_percent: cell.target?.percent ?? null,
        target_unit: cell.target?.unit ?? null,
        target_kind: cell.target?.kind ?? null,
        target_kind_label: cell.target ? TARGET_KIND_LABELS[cell.target.kind].vi : null,
        target_met: cell.target?.met ?? null,
      });
    add(result.total, result.areaCode);
    for (const row of result.rows) if (row.key.areaCode) add(row, row.key.areaCode);
  }
}

function addKpis(workbook: ExcelJS.Workbook, input: ReportInput): void {
  const sheet = addSheet(workbook, 'Chỉ số KPI', [
    ['Mã KPI', 'kpi', 24],
    ['KPI', 'kpi_label', 40],
    ['Mã địa bàn', 'area_code', 12],
    ['Địa bàn', 'area_name', 28],
    ['Mẫu số (thời hạn đến hạn, trẻ em)', 'denominator', 14],
    ['Tử số (đúng hạn, được hỗ trợ kịp thời)', 'numerator', 14],
    ['Tỷ lệ %', 'share', 10],
    ['Cận dưới KTC 95% (Wilson)', 'ci95_lower', 12],
    ['Cận trên KTC 95% (Wilson)', 'ci95_upper', 12],
    ...targetColumns,
  ]);
  const rowsOf = (kpis: PublishedKpis) => {
    const code = kpis.key.areaCode ?? input.kpis.areaCode;
    const base = { area_code: code, area_name: input.areaNames.get(code) ?? '' };
    const share = (figure: OnTimeFigure | SupportedFigure) => ({
      share: figure.share,
      ci95_lower: figure.ci95?.[0] ?? null,
      ci95_upper: figure.ci95?.[1] ?? null,
      target_value: figure.target?.value ?? null,
      target_unit: figure.target?.unit ?? null,
      target_kind: figure.target?.kind ?? null,
      target_kind_label: figure.target ? TARGET_KIND_LABELS[figure.target.kind as 'max' | 'min'].vi : null,
      target_met: figure.target?.met ?? null,
    });
    for (const name of ON_TIME_KPI_NAMES) {
      const figure = kpis[name];
      sheet.addRow({
        kpi: name,
        kpi_label: KPI_LABELS[name].vi,
        ...base,
        denominator: figure.due,
        numerator: figure.met,
        ...share(figure),
      });
    }
    const supported = kpis.supportedInTime;
    sheet.addRow({
      kpi: 'supportedInTime',
      kpi_label: KPI_LABELS.supportedInTime.vi,
      ...base,
      denominator: supported.children,
      numerator: supported.supported,
      ...share(supported),
    });
  };
  rowsOf(input.kpis.total);
  input.kpis.rows.forEach(rowsOf);

  const work = addSheet(workbook, 'Tình hình xử lý', [
    ['Mã địa bàn', 'area_code', 12],
    ['Địa bàn', 'area_name', 28],
    [KPI_LABELS.openCases.vi, 'openCases', 14],
    [KPI_LABELS.overdueDeadlines.vi, 'overdueDeadlines', 14],
    [KPI_LABELS.closedCases.vi, 'closedCases', 14],
    [KPI_LABELS.medianDaysToClose.vi, 'medianDaysToClose', 14],
    [KPI_LABELS.officers.vi, 'officers', 14],
    [KPI_LABELS.openCasesPerOfficer.vi, 'openCasesPerOfficer', 14],
  ]);
  for (const kpis of [input.kpis.total, ...input.kpis.rows]) {
    const code = kpis.key.areaCode ?? input.kpis.areaCode;
    work.addRow({
      area_code: code,
      area_name: input.areaNames.get(code) ?? '',
      openCases: kpis.openCases,
      overdueDeadlines: kpis.overdueDeadlines,
      closedCases: kpis.closedCases,
      medianDaysToClose: kpis.medianDaysToClose,
      officers: kpis.officers,
      openCasesPerOfficer: kpis.openCasesPerOfficer,
    });
  }
}

function addCalls(workbook: ExcelJS.Workbook, input: ReportInput): void {
  if (!input.calls) return;
  const sheet = addSheet(workbook, 'Cuộc gọi', [
    ['Phân tổ', 'breakdown', 12],
    ['Mã', 'key', 20],
    ['Tên', 'label', 32],
    ['Số cuộc gọi', 'count', 12],
    ['Ghi chú số liệu', 'flags', 16],
    ['Bảo vệ số liệu', 'protection', 12],
  ]);
  const { byArea, byType } = input.calls;
  sheet.addRow({
    breakdown: 'total',
    key: byArea.areaCode,
    label: input.areaNames.get(byArea.areaCode) ?? '',
    count: byArea.total.count,
    flags: byArea.total.flags.join(';'),
    protection: byArea.protection,
  });
  for (const row of byArea.rows) {
    const code = row.key.areaCode ?? null;
    sheet.addRow({
      breakdown: 'area',
      key: code,
      label: code ? (input.areaNames.get(code) ?? '') : 'Nơi khác',
      count: row.count,
      flags: row.flags.join(';'),
      protection: byArea.protection,
    });
  }
  for (const row of byType.rows) {
    const type = row.key.type as keyof typeof CALL_TYPE_LABELS | null;
    sheet.addRow({
      breakdown: 'type',
      key: type,
      label: type ? CALL_TYPE_LABELS[type].vi : '',
      count: row.count,
      flags: row.flags.join(';'),
      protection: byType.protection,
    });
  }
}

export async function reportToXlsx(input: ReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'child-protection-cms';
  workbook.created = input.generatedAt;
  addCover(workbook, input);
  addRates(workbook, input);
  addKpis(workbook, input);
  addCalls(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
