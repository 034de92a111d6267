import { CODE_LISTS } from '../cases/code-lists';
import { ClaimedDelivery } from '../notifications/delivery-queue';

/**
 * What leaves the service about one notification: exactly the inbox's fields (codes, ids, the
 * case number and times) and the recipient's id and username — no name, no free text, nothing of
 * the child. Pure functions, so what a mail or a webhook body can hold is tested on its own.
 */
export interface OutgoingNotification {
  id: string;
  kind: string;
  caseId: string;
  caseNumber: string;
  interventionId: string | null;
  deadlineKind: string | null;
  dueAt: string | null;
  createdAt: string;
  recipient: { id: string; username: string };
}

export function outgoing(delivery: ClaimedDelivery): OutgoingNotification {
  return {
    id: delivery.id,
    kind: delivery.kind,
    caseId: delivery.caseId,
    caseNumber: delivery.caseNumber,
    interventionId: delivery.interventionId,
    deadlineKind: delivery.deadlineKind,
    dueAt: delivery.dueAt ? delivery.dueAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    recipient: { id: delivery.recipientId, username: delivery.recipientUsername },
  };
}

/** The webhook's body: the notification as JSON, its `id` for the receiver to drop repeats. */
export function webhookBody(notification: OutgoingNotification): string {
  return JSON.stringify(notification);
}

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** 14:30 02/12/2026 (giờ Việt Nam). */
export function vietnamTime(iso: string): string {
  const parts = Object.fromEntries(VIETNAM_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year} (giờ Việt Nam)`;
}

/** A code's Vietnamese label with the code beside it; an unknown code as itself. */
function labelled(list: Readonly<Record<string, { vi: string }>>, code: string): string {
  const vi = list[code]?.vi;
  return vi ? `${vi} (${code})` : code;
}

export interface Mail {
  subject: string;
  text: string;
}

/** The mail of a notification: the same fields, in Vietnamese, codes beside their labels. */
export function mailOf(notification: OutgoingNotification): Mail {
  const kinds: Readonly<Record<string, { vi: string }>> = CODE_LISTS.notificationKinds;
  const kind = labelled(kinds, notification.kind);
  const lines = [
    `Thông báo: ${kind}`,
    `Hồ sơ: ${notification.caseNumber}`,
    notification.deadlineKind && `Thời hạn: ${labelled(CODE_LISTS.deadlineKinds, notification.deadlineKind)}`,
    notification.dueAt && `Đến hạn: ${vietnamTime(notification.dueAt)}`,
    notification.interventionId && `Mã can thiệp: ${notification.interventionId}`,
    `Thời điểm thông báo: ${vietnamTime(notification.createdAt)}`,
    `Mã hồ sơ: ${notification.caseId}`,
    `Mã thông báo: ${notification.id}`,
    '',
    'Vui lòng đăng nhập hệ thống quản lý trường hợp để xem và xử lý hồ sơ.',
    'Thư này không chứa thông tin cá nhân của trẻ em; không trả lời thư này.',
  ].filter((line): line is string => line !== null);
  const subject = `[Bảo vệ trẻ em] ${kinds[notification.kind]?.vi ?? notification.kind} — hồ sơ ${notification.caseNumber}`;
  return { subject, text: `${lines.join('\n')}\n` };
}
