import { CallType } from '../domain/calls';
import { Labels } from '../domain/codes';
import { Protection } from './disclosure-control';
import { Indicator } from './indicators';
import { OnTimeKpi } from './kpis';
import { Period } from './periods';
import { KpiTargetIndicator, TargetKind, TargetUnit } from './targets';

/** Labels of the statistics codes: `GET /codes` lists them, the report workbook prints them beside the codes. */
type Labelled<Code extends string> = Readonly<Record<Code, Labels>>;

export const INDICATOR_LABELS: Labelled<Indicator> = {
  abuse: { vi: 'Trẻ em bị xâm hại', en: 'Children abused' },
  injury: { vi: 'Trẻ em bị tai nạn, thương tích', en: 'Children injured' },
  injury_death: { vi: 'Trẻ em tử vong do tai nạn, thương tích', en: 'Children who died of injuries' },
  child_labour: { vi: 'Trẻ em lao động trái quy định của pháp luật', en: 'Children in unlawful labour' },
};

/** Contract v1.1: what a call to the hotline was. */
export const CALL_TYPE_LABELS: Labelled<CallType> = {
  report: { vi: 'Thông báo, tố giác', en: 'Report' },
  counselling: { vi: 'Tư vấn', en: 'Counselling' },
  information: { vi: 'Cung cấp thông tin', en: 'Information' },
  referral_to_service: { vi: 'Kết nối dịch vụ', en: 'Referral to a service' },
  silent: { vi: 'Cuộc gọi im lặng', en: 'Silent call' },
  abusive: { vi: 'Cuộc gọi quấy rối', en: 'Abusive call' },
  other: { vi: 'Khác', en: 'Other' },
};

/** The KPIs as target indicators: `supported_in_time`, `initial_assessment_on_time` (docs/statistics.md, Targets). */
export const KPI_TARGET_LABELS: Labelled<KpiTargetIndicator> = {
  supported_in_time: {
    vi: 'Trẻ em được hỗ trợ, can thiệp kịp thời',
    en: 'Children supported in time',
  },
  initial_assessment_on_time: {
    vi: 'Đánh giá ban đầu đúng hạn (12 giờ)',
    en: 'Initial assessments on time (12 hours)',
  },
};

/** The fields of a KPI row, by their names in the response. */
export const KPI_LABELS: Labelled<
  | OnTimeKpi
  | 'supportedInTime'
  | 'openCases'
  | 'overdueDeadlines'
  | 'closedCases'
  | 'medianDaysToClose'
  | 'officers'
  | 'openCasesPerOfficer'
> = {
  initialAssessmentOnTime: { vi: 'Đánh giá ban đầu đúng hạn', en: 'Initial assessments on time' },
  emergencyResponseOnTime: { vi: 'Ứng phó khẩn cấp đúng hạn', en: 'Emergency responses on time' },
  policeReferralOnTime: { vi: 'Chuyển cơ quan công an đúng hạn', en: 'Police referrals on time' },
  planOnTime: { vi: 'Xây dựng, phê duyệt kế hoạch đúng hạn', en: 'Plans drafted and approved on time' },
  interventionsOnTime: { vi: 'Biện pháp can thiệp hoàn thành đúng hạn', en: 'Interventions finished on time' },
  supportedInTime: { vi: 'Trẻ em được hỗ trợ, can thiệp kịp thời', en: 'Children supported in time' },
  openCases: { vi: 'Vụ việc đang xử lý', en: 'Open cases' },
  overdueDeadlines: { vi: 'Thời hạn đã quá hạn', en: 'Overdue deadlines' },
  closedCases: { vi: 'Vụ việc đã kết thúc trong kỳ', en: 'Cases closed in the period' },
  medianDaysToClose: { vi: 'Số ngày trung vị đến khi kết thúc', en: 'Median days to close' },
  officers: { vi: 'Công chức bảo vệ trẻ em cấp xã', en: 'Commune officers' },
  openCasesPerOfficer: { vi: 'Vụ việc đang xử lý trên một công chức', en: 'Open cases per officer' },
};

export const TARGET_UNIT_LABELS: Labelled<TargetUnit> = {
  per100k: { vi: 'Trên 100.000 trẻ em', en: 'Per 100,000 children' },
  percent: { vi: 'Phần trăm (%)', en: 'Per cent' },
};

export const TARGET_KIND_LABELS: Labelled<TargetKind> = {
  max: { vi: 'Không vượt quá', en: 'At most' },
  min: { vi: 'Không thấp hơn', en: 'At least' },
};

export const PROTECTION_LABELS: Labelled<Protection> = {
  exact: { vi: 'Số liệu chính xác (không công bố)', en: 'Exact figures (not for publication)' },
  protected: { vi: 'Số liệu đã bảo vệ (khóa ô), được công bố', en: 'Protected figures (cell key), fit to publish' },
};

/** A period in words: "6 tháng đầu năm 2025", "Quý 3 năm 2025", "Tháng 05 năm 2025". */
export function periodLabel(year: number, period: Period): Labels {
  if (period === 'year') return { vi: `Năm ${year}`, en: `Year ${year}` };
  if (period === 'H1') return { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` };
  if (period === 'H2') return { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
  if (period[0] === 'Q') return { vi: `Quý ${period[1]} năm ${year}`, en: `Quarter ${period[1]} of ${year}` };
  return { vi: `Tháng ${period.slice(1)} năm ${year}`, en: `${period} ${year}` };
}
