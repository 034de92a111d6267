import { createHmac } from 'node:crypto';
import { DeliveryWorker } from '../src/delivery/delivery-worker';
import { isValidWebhook } from '../src/delivery/webhook-signature';
import { DeadlineSweep } from '../src/notifications/deadline-sweep';
import { startSmtpReceiver, startWebhookReceiver } from './support/receivers';
import { caseStages, moveIntervention, STAGED_DESCRIPTION, STAGED_GOAL } from './support/case-stages';
import { TestApp } from './support/test-app';
import { FINDINGS } from './support/workflow';
import { buildWorld, personalValuesOfTheReport, reportBody } from './support/world';

/**
 * Delivery beyond the inbox, against a real SMTP server (smtp-server) and a real HTTP receiver:
 * every notification mailed to recipients with an email and POSTed, signed, to the webhook, at
 * least once, retried with backoff, each receiver on its own; and nothing personal in any of it.
 */
const SECRET = 'webhook-secret-for-tests-0123456789';
const REFUSED = 'refused@example.vn';
const NOTES = 'Gọi cho bà ngoại trước khi đến nhà';
const TRANSFER_REASON = 'Gia đình chuyển về ở với ông bà';
const HOUR = 3600_000;

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stages: ReturnType<typeof caseStages>;
const tokens: Record<string, string> = {};
const emails: Record<string, string | undefined> = {};

const deliver = () => t.app.get(DeliveryWorker).deliverDue();
const inbox = async (who: string) =>
  (await t.get('/notifications?limit=200', tokens[who])).body.items as { id: string; caseId: string; kind: string }[];
/** What `who` was told about one case (each test works on cases of its own). */
const toldOf = async (who: string, caseId: string) => (await inbox(who)).filter((item) => item.caseId === caseId);
const mailOf = (who: string, notificationId: string) =>
  mailsTo(who).filter((mail) => mail.parsed.headers.get('x-notification-id') === notificationId);
const hooksOf = (notificationId: string) =>
  webhook.accepted().filter((hook) => hook.headers['x-notification-id'] === notificationId);
const policeWork = (caseId: string) => stages.policeWork(caseId);
async function policeAccept(caseId: string): Promise<void> {
  const work = await policeWork(caseId);
  const accepted = await moveIntervention(t, tokens.police, work.id, { status: 'accepted', version: work.version });
  expect(accepted.status).toBe(200);
}
async function askTransfer(caseId: string): Promise<void> {
  const asked = await t.post(
    `/cases/${caseId}/transfer`,
    {
      toAreaCode: '46002',
      reason: TRANSFER_REASON,
      version: (await t.get(`/cases/${caseId}`, tokens.officer)).body.version,
    },
    tokens.officer,
  );
  expect(asked.status).toBe(200);
}
const mailsTo = (who: string) => smtp.mails.filter((mail) => mail.to.includes(emails[who]!));
const hookBodies = () => webhook.accepted().map((hook) => JSON.parse(hook.body) as Record<string, unknown>);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  smtp = await startSmtpReceiver((address) => address === REFUSED);
  webhook = await startWebhookReceiver();
  t = await TestApp.start({
    SMTP_URL: smtp.url,
    NOTIFY_WEBHOOK_URL: webhook.url,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    // The test delivers itself (deliverDue) at the moments it chooses; retries wait one second.
    NOTIFY_DELIVERY_SECONDS: '0',
    NOTIFY_RETRY_SECONDS: '1',
    NOTIFY_RETRY_MAX_SECONDS: '1',
  });
  await buildWorld(t);
  const users: [string, string, string, string | undefined][] = [
    ['hotline', 'hotline_operator', 'VN', undefined],
    ['officer', 'commune_officer', '46001', 'officer@example.vn'],
    // Their mailbox refuses; its address comes after the report (below).
    ['secondOfficer', 'commune_officer', '46001', undefined],
    ['chair', 'commune_chair', '46001', 'chair@example.vn'],
    ['provincial', 'provincial_officer', '46', 'provincial@example.vn'],
    ['police', 'police', '46', 'police@example.vn'],
    ['health', 'health', '46001', undefined],
    ['targetOfficer', 'commune_officer', '46002', 'target@example.vn'],
  ];
  const admin = await t.adminToken();
  const ids: Record<string, string> = {};
  for (const [name, role, areaCode, email] of users) {
    const username = `d.${name.toLowerCase()}`;
    // The email after the password: with one, the service would mail the user a password of its own making.
    const body = { username, password: 'delivery-password-1', fullName: 'Delivery Test User', role, areaCode };
    const created = await t.post('/users', body, admin);
    expect(created.status).toBe(201);
    ids[name] = created.body.id;
    tokens[name] = await t.signInFirstTime(username, 'delivery-password-1');
    if (email)
      expect((await t.request('PATCH', `/users/${created.body.id}`, { token: admin, body: { email } })).status).toBe(
        200,
      );
    emails[name] = email;
  }
  // The second officer's mailbox refuses: mail to it is refused and tried again, the others' goes on.
  const refusing = { token: admin, body: { email: REFUSED } };
  expect((await t.request('PATCH', `/users/${ids.secondOfficer}`, refusing)).status).toBe(200);
  emails.secondOfficer = REFUSED;
  stages = caseStages(t, {
    hotline: tokens.hotline,
    officer: tokens.officer,
    chair: tokens.chair,
    receivedAt: () => new Date(Date.now() - 2 * HOUR),
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await webhook.close();
});

describe('mail through SMTP_URL', () => {
  it('mails each notification to its recipient, in Vietnamese, with the notification id', async () => {
    const planned = await stages.planned();
    await deliver();
    const [item] = (await toldOf('chair', planned.caseId)).filter((one) => one.kind === 'plan_awaiting_approval');
    // The chair's mail and webhook, each once.
    expect(mailOf('chair', item.id)).toHaveLength(1);
    expect(hooksOf(item.id)).toHaveLength(1);
    const [mail] = mailOf('chair', item.id);
    expect(mail.parsed.subject).toBe(`[Bảo vệ trẻ em] Kế hoạch chờ phê duyệt — hồ sơ ${planned.caseNumber}`);
    expect(mail.parsed.headers.get('x-notification-id')).toBe(item.id);
    expect(mail.parsed.messageId).toBe(`<${item.id}@notifications.child-protection>`);
    expect(mail.parsed.text).toContain(`Hồ sơ: ${planned.caseNumber}`);
    expect(mail.parsed.text).toContain('Thời hạn: Phê duyệt kế hoạch hỗ trợ (plan_approval)');
    expect(mail.parsed.text).toMatch(/Đến hạn: \d\d:\d\d \d\d\/\d\d\/\d{4} \(giờ Việt Nam\)/);
  });

  it('mails nobody without an email, and keeps no mail row for them', async () => {
    const { caseId } = await stages.approved();
    const [{ n }] = await t.db.query(
      `SELECT count(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        JOIN users u ON u.id = n.recipient_id WHERE u.username = 'd.health' AND d.channel = 'email'`,
    );
    expect(Number(n)).toBe(0);
    const [referral] = await toldOf('health', caseId); // the referral: in the inbox and on the webhook
    expect(referral.kind).toBe('referral');
    await deliver();
    expect(hooksOf(referral.id)).toHaveLength(1);
  });

  it('goes on mailing the others when one mailbox is refused, and tries the refused one again', async () => {
    const { caseId } = await stages.approved();
    await deliver(); // what the steps so far told
    await policeAccept(caseId);
    const run = await deliver();
    expect(run.failed).toBeGreaterThanOrEqual(1); // the second officer's mailbox, refused with 550
    const told = async (who: string) => (await toldOf(who, caseId)).map((item) => item.id);
    for (const id of await told('police')) expect(mailOf('police', id)).toHaveLength(1); // the referral
    const officers = await told('officer'); // report_received, intervention_updated
    expect(officers).toHaveLength(2);
    for (const id of officers) expect(mailOf('officer', id)).toHaveLength(1);
    const [updated] = (await toldOf('secondOfficer', caseId)).filter((item) => item.kind === 'intervention_updated');
    const [row] = await t.db.query(
      `SELECT attempts, last_error AS "lastError", next_attempt_at > now() AS later
         FROM notification_deliveries WHERE notification_id = $1 AND channel = 'email'`,
      [updated.id],
    );
    expect(row).toEqual({ attempts: 1, lastError: 'smtp 550', later: true });
    expect(mailOf('secondOfficer', updated.id)).toEqual([]);
  });
});

describe('the webhook at NOTIFY_WEBHOOK_URL', () => {
  it('gets every notification as JSON with its id, signed with HMAC-SHA256 of its sending time and body', async () => {
    const { caseId } = await stages.planned();
    await deliver();
    const bodies = hookBodies();
    const ofTheCase = (await t.db.query(`SELECT id FROM notifications WHERE case_id = $1`, [caseId])) as {
      id: string;
    }[];
    expect(ofTheCase.length).toBeGreaterThanOrEqual(4); // report_received ×3, plan_awaiting_approval
    for (const { id } of ofTheCase) expect(hooksOf(id)).toHaveLength(1);
    for (const hook of webhook.accepted()) {
      const timestamp = String(hook.headers['x-timestamp']);
      expect(timestamp).toMatch(/^\d+$/);
      expect(Math.abs(Number(timestamp) - hook.receivedAt.getTime() / 1000)).toBeLessThan(5);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${hook.body}`).digest('hex')}`;
      expect(hook.headers['x-signature']).toBe(expected);
      // The receiver's check of the README: signature over `${X-Timestamp}.${rawBody}`, at most 5 minutes old.
      const request = { body: hook.body, timestamp, signature: String(hook.headers['x-signature']) };
      expect(isValidWebhook(request, SECRET, hook.receivedAt)).toBe(true);
      expect(isValidWebhook(request, SECRET, new Date(hook.receivedAt.getTime() + 10 * 60_000))).toBe(false);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['x-notification-id']).toBe(JSON.parse(hook.body).id);
    }
    const [item] = (await toldOf('chair', caseId)).filter((one) => one.kind === 'plan_awaiting_approval');
    expect(bodies.find((body) => body.id === item.id)).toEqual({
      ...item,
      readAt: undefined,
      recipient: { id: expect.any(String), username: 'd.chair' },
    });
  });

  it('is retried with backoff while the receiver fails, at least once, with the same id, until accepted', async () => {
    const { caseId } = await stages.assessed();
    await deliver(); // what the steps so far told
    webhook.answer = 503;
    await askTransfer(caseId);
    const [told] = await toldOf('targetOfficer', caseId);
    await deliver();
    expect(mailOf('targetOfficer', told.id)).toHaveLength(1); // the mail is not held up by the failing webhook
    const refusedHooks = () => webhook.hooks.filter((hook) => hook.headers['x-notification-id'] === told.id);
    expect(refusedHooks().map((hook) => hook.status)).toEqual([503]);
    await deliver(); // not due yet: the backoff holds it
    expect(refusedHooks()).toHaveLength(1);
    await sleep(1100);
    await deliver();
    expect(refusedHooks().map((hook) => [hook.status, hook.headers['x-delivery-attempt']])).toEqual([
      [503, '1'],
      [503, '2'],
    ]);
    webhook.answer = 200;
    await sleep(1100);
    await deliver();
    expect(refusedHooks().map((hook) => hook.status)).toEqual([503, 503, 200]);
    expect(new Set(refusedHooks().map((hook) => hook.body)).size).toBe(1);
    // Each attempt is signed at its own sending time, so a retry is never refused as a stale replay.
    for (const hook of refusedHooks()) {
      const request = {
        body: hook.body,
        timestamp: String(hook.headers['x-timestamp']),
        signature: String(hook.headers['x-signature']),
      };
      expect(isValidWebhook(request, SECRET, hook.receivedAt)).toBe(true);
    }
    const [row] = await t.db.query(
      `SELECT attempts, delivered_at IS NOT NULL AS delivered FROM notification_deliveries
        WHERE notification_id = $1 AND channel = 'webhook'`,
      [told.id],
    );
    expect(row).toEqual({ attempts: 3, delivered: true });
  });

  it('is delivered once per notification when several workers run at the same time', async () => {
    const filed = await t.post('/reports', reportBody({ description: STAGED_DESCRIPTION }), tokens.hotline);
    expect(filed.status).toBe(201);
    // The hotline's receipt may name a stand-in: the case is the one the report went to.
    const [{ ownCase }] = (await t.db.query(`SELECT case_id AS "ownCase" FROM case_reports WHERE report_id = $1`, [
      filed.body.id,
    ])) as { ownCase: string }[];
    await deliver(); // what other tests queued goes first: the workers below share only this case's
    const [{ due }] = (await t.db.query(`SELECT min(due_at) AS due FROM deadlines WHERE case_id = $1`, [ownCase])) as {
      due: Date;
    }[];
    // The sweep covers the window since its watermark: start it just before this case's alert.
    await t.db.query(`UPDATE notification_sweeps SET swept_until = $1`, [new Date(due.getTime() - 2 * HOUR)]);
    await t.app.get(DeadlineSweep).sweep(new Date(due.getTime() - HOUR));
    const made = (
      (await t.db.query(`SELECT id FROM notifications WHERE case_id = $1 AND kind = 'deadline_approaching'`, [
        ownCase,
      ])) as { id: string }[]
    ).map((row) => row.id);
    expect(made.length).toBeGreaterThan(0);
    const before = webhook.accepted().length;

    const worker = t.app.get(DeliveryWorker);
    const runs = await Promise.all([worker.deliverDue(), worker.deliverDue(), worker.deliverDue()]);

    const hooked = webhook
      .accepted()
      .slice(before)
      .map((hook) => String(hook.headers['x-notification-id']));
    expect(hooked.sort()).toEqual([...made].sort()); // every one, each once
    const [{ open }] = (await t.db.query(
      `SELECT count(*)::int AS open FROM notification_deliveries WHERE notification_id = ANY($1) AND delivered_at IS NULL
          AND channel = 'webhook'`,
      [made],
    )) as { open: number }[];
    expect(open).toBe(0);
    expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBeGreaterThanOrEqual(made.length);
  });
});

describe('no personal data leaves in a notification', () => {
  it('holds for every inbox item, mail and webhook body of a whole journey', async () => {
    const sweep = t.app.get(DeadlineSweep);
    // A new case's 12-hour deadlines, told as approaching 3 hours before: the sweeps start 4 hours before.
    const fresh = await stages.filed({ receivedAt: new Date().toISOString() });
    const [{ firstDue }] = await t.db.query(`SELECT min(due_at) AS "firstDue" FROM deadlines WHERE case_id = $1`, [
      fresh.caseId,
    ]);
    await t.db.query(
      `INSERT INTO notification_sweeps (name, swept_until) VALUES ('deadlines', $1)
       ON CONFLICT (name) DO UPDATE SET swept_until = EXCLUDED.swept_until`,
      [new Date(firstDue.getTime() - 4 * HOUR)],
    );
    await sweep.sweep(new Date(firstDue.getTime() - HOUR));
    // A case through plan, approval and the police's acceptance, then asked to move.
    const { caseId } = await stages.approved();
    await policeAccept(caseId);
    await askTransfer(caseId);
    const due = new Date((await policeWork(caseId)).dueAt).getTime();
    await sweep.sweep(new Date(due + HOUR)); // overdue
    await sweep.sweep(new Date(due + 25 * HOUR)); // escalated to the provincial officers
    await sleep(1100); // the refused mailbox is due again (and refused again)
    await deliver();
    const kinds = new Set(hookBodies().map((body) => body.kind));
    expect([...kinds].sort()).toEqual(
      [
        'deadline_approaching',
        'deadline_overdue',
        'intervention_updated',
        'plan_awaiting_approval',
        'referral',
        'report_received',
        'transfer_requested',
      ].sort(),
    );
    const items = (
      await Promise.all(
        Object.keys(tokens)
          .filter((who) => who !== 'hotline')
          .map(inbox),
      )
    ).flat();
    const everything = [
      JSON.stringify(items),
      ...smtp.mails.map((mail) => `${mail.raw}\n${mail.parsed.subject}\n${mail.parsed.text}`),
      ...webhook.hooks.map((hook) => `${JSON.stringify(hook.headers)}\n${hook.body}`),
    ].join('\n');
    for (const personal of [
      ...personalValuesOfTheReport(),
      STAGED_DESCRIPTION,
      STAGED_GOAL,
      NOTES,
      TRANSFER_REASON,
      'Delivery Test User', // staff names are not in notifications either
      ...Object.values(FINDINGS),
    ])
      expect(everything).not.toContain(personal);
    // The recipient's own address is on the envelope and the To line of its mail, nowhere else.
    for (const mail of smtp.mails) {
      const others = Object.values(emails).filter((email) => email && !mail.to.includes(email));
      for (const email of others) expect(mail.raw).not.toContain(email!);
    }
    for (const hook of webhook.hooks)
      for (const email of Object.values(emails)) if (email) expect(hook.body).not.toContain(email);
  });
});
