import { AreaLevel } from '../domain/area-path';
import { CallChannel } from '../domain/calls';
import { CATEGORIES, CHANNELS, Labels, PERPETRATORS, SEXES } from '../domain/codes';
import { AGENCIES, InterventionStatus } from '../domain/intervention-types';
import { Role } from '../domain/roles';
import { CaseState, CaseStatus } from '../domain/workflow';
import { Flag } from '../statistics/disclosure-control';
import { Basis } from '../statistics/indicators';
import {
  CALL_TYPE_LABELS,
  INDICATOR_LABELS,
  KPI_LABELS,
  KPI_TARGET_LABELS,
  PROTECTION_LABELS,
  TARGET_KIND_LABELS,
  TARGET_UNIT_LABELS,
} from '../statistics/labels';
import { DeadlineKind } from './deadlines';
import { EmergencyActionType, MEETING_PARTICIPANT_CODES, RiskLevel } from './dto/workflow.dto';
import { HISTORY_ACTIONS } from './history/history-actions';

/** Each code of a list with its labels; `Record<Code, Labels>` makes a missing label a compile error. */
type Labelled<Code extends string> = Readonly<Record<Code, Labels>>;

const CASE_STATUSES: Labelled<CaseStatus> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  initial_assessed: { vi: 'Đã đánh giá ban đầu', en: 'Initially assessed' },
  detailed_assessed: { vi: 'Đã đánh giá toàn diện', en: 'Assessed in detail' },
  plan_drafted: { vi: 'Đã xây dựng kế hoạch', en: 'Plan drafted' },
  in_intervention: { vi: 'Đang can thiệp, hỗ trợ', en: 'In intervention' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

const DEADLINE_KINDS: Labelled<DeadlineKind> = {
  initial_assessment: { vi: 'Đánh giá ban đầu (12 giờ)', en: 'Initial assessment (12 hours)' },
  emergency_response: { vi: 'Ứng phó khẩn cấp (12 giờ)', en: 'Emergency response (12 hours)' },
  separation_end: { vi: 'Hết thời hạn cách ly tạm thời', en: 'End of temporary separation' },
  plan_draft: { vi: 'Xây dựng kế hoạch hỗ trợ', en: 'Drafting the support plan' },
  plan_approval: { vi: 'Phê duyệt kế hoạch hỗ trợ', en: 'Approving the support plan' },
  police_referral: { vi: 'Chuyển cơ quan công an (24 giờ)', en: 'Referral to the police (24 hours)' },
  intervention: { vi: 'Thực hiện biện pháp can thiệp', en: 'Carrying out an intervention' },
};

const RISK_LEVELS: Labelled<RiskLevel> = {
  high: { vi: 'Nguy cơ cao', en: 'High risk' },
  medium: { vi: 'Nguy cơ trung bình', en: 'Medium risk' },
  low: { vi: 'Nguy cơ thấp', en: 'Low risk' },
};

const SUBSTANTIATIONS: Labelled<CaseState['substantiation']> = {
  pending: { vi: 'Đang xác minh', en: 'Pending' },
  substantiated: { vi: 'Có căn cứ', en: 'Substantiated' },
  unsubstantiated: { vi: 'Không có căn cứ', en: 'Unsubstantiated' },
};

const INTERVENTION_STATUSES: Labelled<InterventionStatus> = {
  requested: { vi: 'Đã đề nghị', en: 'Requested' },
  accepted: { vi: 'Đã nhận', en: 'Accepted' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  investigating: { vi: 'Đang điều tra, xác minh', en: 'Investigating' },
  prosecuted: { vi: 'Đã khởi tố', en: 'Prosecuted' },
  not_prosecuted: { vi: 'Không khởi tố', en: 'Not prosecuted' },
};

const EMERGENCY_ACTION_TYPES: Labelled<EmergencyActionType> = {
  medical_care: { vi: 'Chăm sóc y tế', en: 'Medical care' },
  police_protection: { vi: 'Công an bảo vệ', en: 'Police protection' },
  safe_shelter: { vi: 'Nơi tạm trú an toàn', en: 'Safe shelter' },
  temporary_separation: { vi: 'Cách ly tạm thời khỏi người xâm hại', en: 'Temporary separation from the abuser' },
};

const REVIEW_OUTCOMES: Labelled<'close' | 'replan'> = {
  close: { vi: 'Kết thúc hỗ trợ, can thiệp', en: 'Close the case' },
  replan: { vi: 'Xây dựng lại kế hoạch', en: 'Plan again' },
};

const CONSENT_PARTIES: Labelled<'child' | 'guardian'> = {
  child: { vi: 'Trẻ em', en: 'Child' },
  guardian: { vi: 'Cha, mẹ, người giám hộ', en: 'Parent or guardian' },
};

const RECIPIENT_TYPES: Labelled<'state_authority' | 'non_state'> = {
  state_authority: { vi: 'Cơ quan nhà nước có thẩm quyền', en: 'State authority' },
  non_state: { vi: 'Tổ chức, cá nhân khác', en: 'Non-state recipient' },
};

/** Contract v1.1: the kinds of the notification inbox. */
const NOTIFICATION_KINDS: Labelled<
  | 'referral'
  | 'deadline_approaching'
  | 'deadline_overdue'
  | 'plan_awaiting_approval'
  | 'transfer_requested'
  | 'intervention_updated'
  | 'report_received'
> = {
  referral: { vi: 'Đề nghị can thiệp', en: 'Intervention requested' },
  deadline_approaching: { vi: 'Sắp đến hạn', en: 'Deadline approaching' },
  deadline_overdue: { vi: 'Quá hạn', en: 'Deadline overdue' },
  plan_awaiting_approval: { vi: 'Kế hoạch chờ phê duyệt', en: 'Plan awaiting approval' },
  transfer_requested: { vi: 'Đề nghị chuyển hồ sơ', en: 'Transfer requested' },
  intervention_updated: { vi: 'Cập nhật can thiệp', en: 'Intervention updated' },
  report_received: { vi: 'Tiếp nhận thông báo, tố giác', en: 'Report received' },
};

/** Contract v1.1: who takes part in a case meeting (Decree 56 step 4): the agencies, the family, the child. */
const MEETING_PARTICIPANTS: Labelled<(typeof MEETING_PARTICIPANT_CODES)[number]> = {
  ...AGENCIES,
  family: { vi: 'Gia đình trẻ em', en: 'The child’s family' },
  child: { vi: 'Trẻ em', en: 'The child' },
};

/** Contract v1.1: the channels a call comes in on. */
const CALL_CHANNELS: Labelled<CallChannel> = {
  hotline_111: CHANNELS.hotline_111,
  provincial_hotline: CHANNELS.provincial_hotline,
};

const BASES: Labelled<Basis> = {
  substantiated: { vi: 'Trường hợp có căn cứ', en: 'Substantiated cases' },
  reported: { vi: 'Trường hợp được thông báo (trừ không có căn cứ)', en: 'Reported cases (all but unfounded)' },
};

const FLAGS: Labelled<Flag> = {
  suppressed: { vi: 'Không công bố để bảo vệ trẻ em', en: 'Withheld to protect the children' },
  unreliable: { vi: 'Số trường hợp ít, tỷ lệ kém tin cậy', en: 'Few cases: the rate is unreliable' },
  no_population: { vi: 'Chưa có số liệu dân số', en: 'No population figure' },
};

const ROLES: Labelled<Role> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  hotline_operator: { vi: 'Tư vấn viên tổng đài', en: 'Hotline operator' },
  commune_officer: { vi: 'Công chức bảo vệ trẻ em cấp xã', en: 'Commune child-protection officer' },
  commune_chair: { vi: 'Chủ tịch UBND cấp xã', en: 'Chair of the commune People’s Committee' },
  provincial_officer: { vi: 'Cán bộ bảo vệ trẻ em cấp tỉnh', en: 'Provincial child-protection officer' },
  police: { vi: 'Công an', en: 'Police' },
  health: { vi: 'Y tế', en: 'Health' },
  justice: { vi: 'Tư pháp', en: 'Justice' },
  education: { vi: 'Giáo dục', en: 'Education' },
  social: { vi: 'Công tác xã hội', en: 'Social work' },
  manager: { vi: 'Lãnh đạo, quản lý', en: 'Manager' },
  auditor: { vi: 'Kiểm soát bảo vệ dữ liệu cá nhân', en: 'Data-protection auditor' },
};

const AREA_LEVEL_LABELS: Labelled<AreaLevel> = {
  country: { vi: 'Quốc gia', en: 'Country' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  district: { vi: 'Quận, huyện', en: 'District' },
  commune: { vi: 'Xã, phường, đặc khu', en: 'Commune' },
};

/**
 * Every flat code list the API uses, by the name `GET /codes` gives it. Forms and intervention
 * types belong to a category or an agency and are listed beside their owner.
 */
export const CODE_LISTS = {
  channels: CHANNELS,
  categories: CATEGORIES,
  perpetrators: PERPETRATORS,
  sexes: SEXES,
  caseStatuses: CASE_STATUSES,
  deadlineKinds: DEADLINE_KINDS,
  riskLevels: RISK_LEVELS,
  substantiations: SUBSTANTIATIONS,
  emergencyActionTypes: EMERGENCY_ACTION_TYPES,
  reviewOutcomes: REVIEW_OUTCOMES,
  consentParties: CONSENT_PARTIES,
  recipientTypes: RECIPIENT_TYPES,
  agencies: AGENCIES,
  interventionStatuses: INTERVENTION_STATUSES,
  notificationKinds: NOTIFICATION_KINDS,
  callTypes: CALL_TYPE_LABELS,
  callChannels: CALL_CHANNELS,
  historyActions: HISTORY_ACTIONS,
  meetingParticipants: MEETING_PARTICIPANTS,
  indicators: INDICATOR_LABELS,
  kpiTargetIndicators: KPI_TARGET_LABELS,
  kpis: KPI_LABELS,
  targetUnits: TARGET_UNIT_LABELS,
  targetKinds: TARGET_KIND_LABELS,
  protections: PROTECTION_LABELS,
  bases: BASES,
  flags: FLAGS,
  roles: ROLES,
  areaLevels: AREA_LEVEL_LABELS,
} as const satisfies Record<string, Readonly<Record<string, Labels>>>;

export type CodeListName = keyof typeof CODE_LISTS;
export const CODE_LIST_NAMES = Object.keys(CODE_LISTS) as CodeListName[];
