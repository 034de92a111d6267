import { mailOf, OutgoingNotification, vietnamTime, webhookBody } from './delivery-message';

const notification: OutgoingNotification = {
  id: '5b0f3c1e-1111-4a2b-8c3d-000000000001',
  kind: 'deadline_overdue',
  caseId: '5b0f3c1e-2222-4a2b-8c3d-000000000002',
  caseNumber: '46-2026-000123',
  interventionId: null,
  deadlineKind: 'initial_assessment',
  dueAt: '2026-12-02T05:00:00.000Z',
  createdAt: '2026-12-02T05:01:00.000Z',
  recipient: { id: '5b0f3c1e-3333-4a2b-8c3d-000000000003', username: 'officer.hue' },
};

describe('the mail of a notification', () => {
  it('names the kind and the case in Vietnamese in its subject', () => {
    expect(mailOf(notification).subject).toBe('[Bảo vệ trẻ em] Quá hạn — hồ sơ 46-2026-000123');
  });

  it('carries the same fields as the inbox, labels beside codes, times in Vietnam time', () => {
    expect(mailOf(notification).text.split('\n')).toEqual([
      'Thông báo: Quá hạn (deadline_overdue)',
      'Hồ sơ: 46-2026-000123',
      'Thời hạn: Đánh giá ban đầu (12 giờ) (initial_assessment)',
      'Đến hạn: 12:00 02/12/2026 (giờ Việt Nam)',
      'Thời điểm thông báo: 12:01 02/12/2026 (giờ Việt Nam)',
      'Mã hồ sơ: 5b0f3c1e-2222-4a2b-8c3d-000000000002',
      'Mã thông báo: 5b0f3c1e-1111-4a2b-8c3d-000000000001',
      '',
      'Vui lòng đăng nhập hệ thống quản lý trường hợp để xem và xử lý hồ sơ.',
      'Thư này không chứa thông tin cá nhân của trẻ em; không trả lời thư này.',
      '',
    ]);
  });

  it('leaves out the lines of fields a notification does not have', () => {
    const transfer = { ...notification, kind: 'transfer_requested', deadlineKind: null, dueAt: null };
    expect(mailOf(transfer).text).not.toMatch(/Thời hạn|Đến hạn|Mã can thiệp/);
  });

  it('shows times on the Vietnamese calendar day, across midnight UTC', () => {
    expect(vietnamTime('2026-12-31T17:30:00.000Z')).toBe('00:30 01/01/2027 (giờ Việt Nam)');
  });
});

describe('the webhook body', () => {
  it('is the notification as JSON, nothing else', () => {
    expect(JSON.parse(webhookBody(notification))).toEqual(notification);
  });
});
