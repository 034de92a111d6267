import { Labels } from '../../domain/codes';
import { CaseStep } from '../../domain/workflow';

/** What an entry of a case's history records (`GET /cases/{id}/history`, `GET /codes` historyActions). */
export const HISTORY_ACTIONS = {
  intake: { vi: 'Tiếp nhận, mở hồ sơ', en: 'Case opened at intake' },
  report_attached: { vi: 'Bổ sung thông báo mới', en: 'Another report joined the case' },
  initial_assessment: { vi: 'Đánh giá ban đầu', en: 'Initial assessment' },
  emergency_action: { vi: 'Biện pháp khẩn cấp', en: 'Emergency action' },
  temporary_separation: { vi: 'Cách ly tạm thời', en: 'Temporary separation' },
  extend_separation: { vi: 'Gia hạn cách ly tạm thời', en: 'Temporary separation extended' },
  detailed_assessment: { vi: 'Đánh giá toàn diện', en: 'Detailed assessment' },
  case_meeting: { vi: 'Họp trường hợp', en: 'Case meeting' },
  draft_plan: { vi: 'Xây dựng kế hoạch', en: 'Plan drafted' },
  return_plan: { vi: 'Trả lại kế hoạch', en: 'Plan sent back' },
  approve_plan: { vi: 'Phê duyệt kế hoạch', en: 'Plan approved' },
  review_close: { vi: 'Rà soát: kết thúc', en: 'Review: closed' },
  review_replan: { vi: 'Rà soát: xây dựng lại kế hoạch', en: 'Review: plan again' },
  close: { vi: 'Kết thúc hồ sơ', en: 'Case closed' },
  reopen: { vi: 'Mở lại hồ sơ', en: 'Case reopened' },
  assign: { vi: 'Phân công', en: 'Assigned' },
  transfer_request: { vi: 'Đề nghị chuyển hồ sơ', en: 'Transfer requested' },
  transfer_accept: { vi: 'Nhận chuyển hồ sơ', en: 'Transfer accepted' },
  transfer_reject: { vi: 'Từ chối chuyển hồ sơ', en: 'Transfer rejected' },
  case_correction: { vi: 'Đính chính thông tin vụ việc', en: 'Case corrected' },
  child_correction: { vi: 'Đính chính thông tin trẻ em', en: 'Child’s record corrected' },
  child_merge: { vi: 'Hợp nhất hồ sơ trẻ em trùng lặp', en: 'Duplicate child merged' },
} as const satisfies Record<string, Labels> & Record<CaseStep, Labels>;

export type HistoryAction = keyof typeof HISTORY_ACTIONS;
