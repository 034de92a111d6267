import { Labels } from './codes';

/** The agencies that carry out measures (docs/domain.md, Agencies and interventions), and the work of each. */
export const AGENCIES = {
  police: { vi: 'Công an', en: 'Police' },
  health: { vi: 'Y tế', en: 'Health' },
  justice: { vi: 'Tư pháp', en: 'Justice' },
  education: { vi: 'Giáo dục', en: 'Education' },
  social: { vi: 'Dịch vụ xã hội', en: 'Social services' },
} as const satisfies Record<string, Labels>;
export type Agency = keyof typeof AGENCIES;
export const AGENCY_CODES = Object.keys(AGENCIES) as Agency[];

export const INTERVENTION_TYPES = {
  police: {
    emergency_protection: { vi: 'Bảo vệ khẩn cấp', en: 'Emergency protection' },
    investigation: { vi: 'Điều tra, xác minh', en: 'Investigation' },
    criminal_report: { vi: 'Tiếp nhận, xử lý tố giác tội phạm', en: 'Criminal report' },
    friendly_interview: { vi: 'Lấy lời khai tại phòng điều tra thân thiện', en: 'Child-friendly interview' },
    perpetrator_removal: { vi: 'Cách ly người có hành vi xâm hại', en: 'Removal of the perpetrator' },
  },
  health: {
    emergency_care: { vi: 'Cấp cứu', en: 'Emergency care' },
    medical_examination: { vi: 'Khám sức khỏe', en: 'Medical examination' },
    forensic_examination: { vi: 'Giám định pháp y', en: 'Forensic examination' },
    treatment: { vi: 'Điều trị', en: 'Treatment' },
    psychological_support: { vi: 'Hỗ trợ tâm lý', en: 'Psychological support' },
  },
  justice: {
    legal_aid: { vi: 'Trợ giúp pháp lý', en: 'Legal aid' },
    birth_registration: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    parental_rights_restriction: { vi: 'Hạn chế quyền của cha mẹ', en: 'Restriction of parental rights' },
    prosecution: { vi: 'Truy tố, xét xử', en: 'Prosecution' },
  },
  education: {
    school_safety: { vi: 'Bảo đảm an toàn trường học', en: 'School safety' },
    counselling: { vi: 'Tư vấn học đường', en: 'Counselling' },
    school_reintegration: { vi: 'Hỗ trợ trở lại trường học', en: 'School reintegration' },
  },
  social: {
    alternative_care: { vi: 'Chăm sóc thay thế', en: 'Alternative care' },
    shelter: { vi: 'Nơi tạm trú an toàn', en: 'Shelter' },
    financial_support: { vi: 'Trợ cấp, hỗ trợ tài chính', en: 'Financial support' },
  },
} as const satisfies Record<Agency, Record<string, Labels>>;

export function isTypeOf(agency: Agency, type: string): boolean {
  return Object.hasOwn(INTERVENTION_TYPES[agency], type);
}

export const INTERVENTION_STATUSES = [
  'requested',
  'accepted',
  'rejected',
  'in_progress',
  'completed',
  'investigating',
  'prosecuted',
  'not_prosecuted',
] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Statuses after which the agency's work is over: the intervention deadline is met. */
export const FINAL_STATUSES: readonly InterventionStatus[] = ['rejected', 'completed', 'prosecuted', 'not_prosecuted'];

const FORWARD: Record<InterventionStatus, readonly InterventionStatus[]> = {
  requested: ['accepted', 'rejected'],
  accepted: ['in_progress'],
  in_progress: ['completed'],
  rejected: [],
  completed: [],
  investigating: [],
  prosecuted: [],
  not_prosecuted: [],
};

/** A police criminal report also goes through the investigation and the decision to prosecute. */
const CRIMINAL_TRACK: Record<InterventionStatus, readonly InterventionStatus[]> = {
  ...FORWARD,
  accepted: ['in_progress', 'investigating'],
  in_progress: ['investigating', 'completed'],
  investigating: ['prosecuted', 'not_prosecuted'],
};

/** Statuses move forward only. */
export function nextStatusesOf(type: string, status: InterventionStatus): readonly InterventionStatus[] {
  return (type === 'criminal_report' ? CRIMINAL_TRACK : FORWARD)[status];
}

/** Why a move is refused, and which moves the intervention has instead. */
export function refusedMove(type: string, from: InterventionStatus, to: string): string {
  const next = nextStatusesOf(type, from);
  const instead = next.length
    ? `from ${from} it can become ${next.join(' or ')}`
    : `${from} is final: the intervention is over`;
  return `An intervention that is ${from} cannot become ${to}; ${instead}`;
}
