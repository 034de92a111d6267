import type { Browser, Page } from 'playwright-core';
import {
  browserStorage,
  browserSuite,
  buildConsole,
  DESKTOP,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousViolations,
} from './support/browser';
import { ADMIN_PASSWORD, CHANGED_PASSWORD, TestApp, TEST_PASSWORD } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

/**
 * The web console as people use it: Debian's Chromium drives the console the service serves at `/`,
 * against the real service and PostgreSQL. Every main page is checked with axe-core (no serious or
 * critical violation) and saved as a screenshot under test-output/screenshots.
 */
const suite = browserSuite('web console in Chromium (test/console.e2e-spec.ts)');

let t: TestApp;
let browser: Browser;
const users: Record<string, string> = {};

/** axe-core finds nothing serious, then the page is saved as a screenshot. */
async function checkPage(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

async function signIn(page: Page, username: string, password = CHANGED_PASSWORD) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

async function signedIn(username: string, device: object = DESKTOP) {
  const { context, problems } = await newContext(browser, t.baseUrl, device);
  const page = await context.newPage();
  await signIn(page, username);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return { context, page, problems };
}

/** The step form titled `title` in the case file. */
const stepForm = (page: Page, title: string) =>
  page.locator('form').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

const inDays = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return at.toISOString().slice(0, 16);
};

suite('the web console', () => {
  // Inside the suite: without Chromium nothing is built or started.
  beforeAll(async () => {
    await buildConsole();
    t = await TestApp.start();
    await buildWorld(t);
    browser = await launchChromium();
    // Everyone but the hotline operator has already chosen a password of their own.
    for (const [name, role, area] of [
      ['officer', 'commune_officer', '46001'],
      ['chair', 'commune_chair', '46001'],
      ['police', 'police', '46001'],
      ['health', 'health', '46001'],
      ['manager', 'manager', '46'],
    ]) {
      users[name] = `${name}.console`;
      await t.createUser(users[name], role, area);
      await t.signInFirstTime(users[name]);
    }
    users.hotline = 'hotline.console';
    await t.createUser(users.hotline, 'hotline_operator', 'VN');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is served at / with a strict Content-Security-Policy, beside the API and /docs', async () => {
    const page = await fetch(`${t.baseUrl}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self'`);
    expect(csp).toContain(`style-src 'self'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    expect((await fetch(`${t.baseUrl}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/docs`)).status).toBe(200);
  });

  it('takes a 111 call to closure: hotline, commune officer, chair, police and health', async () => {
    // The hotline operator, on a phone, signs in with the one-time password and chooses its own.
    const hotline = await newContext(browser, t.baseUrl, PHONE);
    const phone = await hotline.context.newPage();
    await signIn(phone, users.hotline, TEST_PASSWORD);
    await phone.getByText('chỉ dùng một lần').waitFor();
    await checkPage(phone, '01-password-change-required');
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill(CHANGED_PASSWORD);
    await phone.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(CHANGED_PASSWORD);
    await phone.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await phone.getByText('Hãy đăng nhập bằng mật khẩu mới').waitFor();
    await signIn(phone, users.hotline);

    // Mẫu 01: an empty form shows the API's reasons at each field.
    await phone.getByRole('heading', { name: 'Phiếu tiếp nhận thông tin (Mẫu 01)' }).waitFor();
    await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
    await phone.getByRole('alert').waitFor();
    const firstChild = phone.getByRole('group', { name: 'Trẻ em 1' });
    await expectInvalid(firstChild.getByLabel('Họ và tên trẻ', { exact: true }));
    await expectInvalid(phone.getByLabel('Nhóm', { exact: true }));
    await checkPage(phone, '02-intake-errors');

    await phone.getByLabel('Nhóm', { exact: true }).selectOption('abuse');
    await phone.getByLabel('Hình thức', { exact: true }).selectOption('violence');
    await phone.getByLabel('Xã nơi xảy ra (mã)', { exact: true }).fill('46001');
    await phone.getByLabel('Người bị nghi gây hại', { exact: true }).selectOption('parent');
    await phone.getByLabel('Mô tả sự việc', { exact: true }).fill('Hàng xóm nghe tiếng trẻ khóc nhiều đêm (synthetic)');
    // Received two hours ago: the case meeting below is held after the receipt.
    await phone.getByLabel('Thời điểm tiếp nhận', { exact: true }).fill(inDays(-2 / 24));
    await phone.getByLabel('Trẻ hiện đang ở đâu', { exact: true }).fill('Nhà bà ngoại (synthetic)');
    await phone.getByRole('button', { name: 'Thêm người chăm sóc' }).click();
    const caregiver = phone.getByRole('group', { name: 'Cha mẹ, người chăm sóc 1' });
    await caregiver.getByLabel('Họ tên', { exact: true }).fill('Lê Văn Cha');
    await caregiver.getByLabel('Quan hệ với trẻ', { exact: true }).fill('bố');
    await firstChild.getByLabel('Họ và tên trẻ', { exact: true }).fill('Lê Văn Thử');
    await firstChild.getByLabel('Ngày sinh', { exact: true }).fill('2016-05-06');
    await firstChild.getByLabel('Giới tính', { exact: true }).selectOption('male');
    await firstChild.getByLabel('Xã nơi trẻ sống (mã)', { exact: true }).fill('46001');
    await phone.getByRole('button', { name: 'Thêm trẻ em' }).click();
    const secondChild = phone.getByRole('group', { name: 'Trẻ em 2' });
    await secondChild.getByLabel('Họ và tên trẻ', { exact: true }).fill('Lê Thị Thử');
    await secondChild.getByLabel('Tuổi ước tính', { exact: true }).fill('6');
    await secondChild.getByLabel('Giới tính', { exact: true }).selectOption('female');
    await secondChild.getByLabel('Xã nơi trẻ sống (mã)', { exact: true }).fill('46001');
    await phone.getByLabel('Họ tên người báo tin', { exact: true }).fill('Trần Văn Báo');
    await phone.getByLabel('Số điện thoại', { exact: true }).fill('0900000002');
    await phone.getByLabel('Người báo tin đồng ý được liên hệ lại', { exact: true }).check();

    // The first answer is lost on the way back: the operator sends again, then double-clicks.
    let lost = false;
    await phone.route('**/api/v1/reports', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
    await phone.getByRole('alert').getByText('Network error').waitFor();
    await phone.getByRole('button', { name: 'Gửi phiếu' }).dblclick();
    await phone.getByText('Đã tiếp nhận: 2 ca.').waitFor();
    await checkPage(phone, '03-intake-filed');

    // The call of that report goes in the call log, then a counselling call; the log filters.
    await stepForm(phone, 'Ghi nhận cuộc gọi của phiếu này').getByRole('button', { name: 'Ghi nhận' }).click();
    await phone.getByText('Đã ghi nhận cuộc gọi.').waitFor();
    await phone.goto('/#/calls');
    const call = stepForm(phone, 'Ghi nhận cuộc gọi');
    await call.getByLabel('Loại cuộc gọi', { exact: true }).selectOption('counselling');
    await call.getByLabel('Ghi chú', { exact: true }).fill('Tư vấn cho phụ huynh (synthetic)');
    await call.getByRole('button', { name: 'Ghi nhận' }).click();
    await phone.getByText('Đã ghi nhận cuộc gọi.').waitFor();
    await eventually(phone.locator('tbody tr')).toHaveCount(2);
    const today = inDays(0).slice(0, 10);
    const calls = phone.getByRole('search');
    await calls.getByLabel('Từ ngày', { exact: true }).fill(today);
    await calls.getByLabel('Đến ngày', { exact: true }).fill(today);
    await calls.getByLabel('Loại cuộc gọi', { exact: true }).selectOption('report');
    await calls.getByRole('button', { name: 'Lọc' }).click();
    await eventually(phone.locator('tbody tr')).toHaveCount(1);
    await checkPage(phone, '03b-hotline-calls');
    const hotlineCalls = (await t.get('/calls', await t.login(users.hotline, CHANGED_PASSWORD))).body.items;
    expect(hotlineCalls.map((item: { type: string }) => item.type).sort()).toEqual(['counselling', 'report']);
    expect(hotlineCalls.find((item: { type: string }) => item.type === 'report').reportId).toEqual(expect.any(String));
    const officerToken = await t.login(users.officer, CHANGED_PASSWORD);
    const listed = await t.get('/cases?limit=200', officerToken);
    expect(listed.body.items).toHaveLength(2);
    const byName = await t.get(`/cases?childName=${encodeURIComponent('le van thu')}`, officerToken);
    const caseId: string = byName.body.items[0].id;
    const caseNumber: string = byName.body.items[0].caseNumber;
    await hotline.context.close();
    expect(hotline.problems).toEqual([]);

    // The commune officer: the new cases are theirs (the commune's only officer), with deadlines.
    const officer = await signedIn(users.officer);
    const desk = officer.page;
    await desk.goto('/#/cases/mine');
    await desk.getByRole('link', { name: caseNumber }).waitFor();
    await eventually(desk.locator('tbody tr')).toHaveCount(2);
    await desk.locator('tbody .due').first().waitFor();
    await checkPage(desk, '04-officer-my-cases');
    await desk.getByRole('link', { name: caseNumber }).click();
    await desk.getByRole('heading', { name: `Hồ sơ ca ${caseNumber}` }).waitFor();
    await desk.getByText('Trần Văn Báo').waitFor();
    await desk.getByText('Nhà bà ngoại (synthetic)').waitFor();
    await checkPage(desk, '05-case-file-received');

    // A correction with its reason, then the history tells who changed what from what.
    await desk.locator('summary', { hasText: 'Sửa thông tin ca' }).click();
    const correction = stepForm(desk, 'Sửa thông tin ca');
    await correction.getByLabel('Người bị nghi gây hại', { exact: true }).selectOption('relative');
    await correction.getByLabel('Lý do sửa', { exact: true }).fill('Người báo tin nhầm (synthetic)');
    await correction.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await desk.getByText('Đã lưu sửa đổi.').waitFor();
    await desk.locator('#history-h + button').click();
    await eventually(desk.locator('.history > li').first()).toContainText('allegedPerpetrator: parent → relative');
    await desk.locator('.history').getByText('Người báo tin nhầm (synthetic)').waitFor();
    await checkPage(desk, '05b-case-history');

    // The other child corrected into this one's identity: the API refuses and points to the merge.
    const otherId: string = listed.body.items.find((item: { id: string }) => item.id !== caseId).id;
    await desk.goto(`/#/cases/${otherId}`);
    await desk.locator('summary', { hasText: 'Sửa thông tin trẻ' }).click();
    const childFix = stepForm(desk, 'Sửa thông tin trẻ');
    await childFix.getByLabel('Họ và tên trẻ', { exact: true }).fill('Lê Văn Thử');
    await childFix.getByLabel('Ngày sinh', { exact: true }).fill('2016-05-06');
    await childFix.getByLabel('Lý do sửa', { exact: true }).fill('Cùng một trẻ, báo hai lần (synthetic)');
    await childFix.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await childFix.getByText('hãy gộp hai hồ sơ').waitFor();
    await checkPage(desk, '05c-child-duplicate');
    await childFix.getByRole('button', { name: 'Gộp', exact: true }).click();
    await desk.getByText('Đã gộp hồ sơ trẻ.').waitFor();
    expect((await t.get(`/cases/${otherId}`, officerToken)).body.child.id).toBe(
      (await t.get(`/cases/${caseId}`, officerToken)).body.child.id,
    );
    await desk.goto(`/#/cases/${caseId}`);

    const initial = stepForm(desk, 'Đánh giá ban đầu');
    await initial.getByLabel('Mức độ nguy cơ', { exact: true }).selectOption('high');
    await initial.getByLabel('Khẩn cấp (tính mạng, sức khỏe bị đe dọa nghiêm trọng)').check();
    await initial.getByLabel('Ghi chú', { exact: true }).fill('Trẻ có vết bầm (synthetic)');
    await initial.getByRole('button', { name: 'Lưu đánh giá ban đầu' }).click();
    await desk.getByText('Đã lưu đánh giá ban đầu.').waitFor();

    const emergency = stepForm(desk, 'Biện pháp khẩn cấp');
    await eventually(
      emergency.getByLabel('Biện pháp', { exact: true }).locator('option[value="temporary_separation"]'),
    ).toHaveCount(0);
    await emergency.getByLabel('Biện pháp', { exact: true }).selectOption('safe_shelter');
    await emergency.getByRole('button', { name: 'Ghi nhận biện pháp' }).click();
    await desk.getByText('Đã ghi nhận biện pháp khẩn cấp.').waitFor();

    const detailed = stepForm(desk, 'Đánh giá chi tiết');
    for (const label of [
      'Thể chất, tinh thần',
      'Khả năng của gia đình',
      'Yếu tố nguy cơ',
      'Học tập',
      'Cộng đồng',
      'Nhu cầu dịch vụ',
      'Ý kiến của trẻ',
    ])
      await detailed.getByLabel(label, { exact: true }).fill(`${label}: đã ghi nhận (synthetic)`);
    await detailed.getByLabel('Mức độ nguy cơ', { exact: true }).selectOption('high');
    await detailed.getByLabel('Kết luận', { exact: true }).selectOption('substantiated');
    await detailed.getByRole('button', { name: 'Lưu đánh giá chi tiết' }).click();
    await desk.getByText('Đã lưu đánh giá chi tiết.').waitFor();

    const meeting = stepForm(desk, 'Ghi nhận họp trường hợp');
    await meeting.getByLabel('Thời điểm họp', { exact: true }).fill(inDays(0));
    await meeting.getByLabel('Gia đình trẻ em', { exact: true }).check();
    await meeting.getByLabel('Trẻ em', { exact: true }).check();
    await meeting.getByLabel('Các quyết định', { exact: true }).fill('Trẻ ở với bà ngoại (synthetic)');
    await meeting.getByRole('button', { name: 'Ghi nhận cuộc họp' }).click();
    await desk.getByText('Đã ghi nhận cuộc họp.').waitFor();
    await desk.locator('#meetings-h ~ .card').getByText('Trẻ ở với bà ngoại (synthetic)').waitFor();

    // The guardian's consent, then the case file lists it.
    await desk.locator('summary', { hasText: 'Phân công' }).click();
    const consent = stepForm(desk, 'Ghi nhận đồng ý chia sẻ thông tin');
    await consent.getByLabel('Người đồng ý', { exact: true }).selectOption('guardian');
    await consent.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await eventually(desk.locator('#sharing-h ~ ul li').first()).toContainText('đồng ý');

    const plan = stepForm(desk, 'Lập kế hoạch (Mẫu 04)');
    await plan.getByLabel('Mục tiêu', { exact: true }).fill('Trẻ được an toàn\nTrẻ được chữa trị');
    const police = plan.getByRole('group', { name: 'Biện pháp 1' });
    await police.getByLabel('Cơ quan', { exact: true }).selectOption('police');
    await police.getByLabel('Việc cần làm', { exact: true }).selectOption('criminal_report');
    await police.getByLabel('Hạn', { exact: true }).fill(inDays(10));
    await plan.getByRole('button', { name: 'Thêm biện pháp' }).click();
    const health = plan.getByRole('group', { name: 'Biện pháp 2' });
    await health.getByLabel('Cơ quan', { exact: true }).selectOption('health');
    await health.getByLabel('Việc cần làm', { exact: true }).selectOption('treatment');
    await health.getByLabel('Hạn', { exact: true }).fill(inDays(12));
    await checkPage(desk, '06-case-file-plan-form');
    await plan.getByRole('button', { name: 'Gửi kế hoạch' }).click();
    await desk.getByText('Đã gửi kế hoạch chờ phê duyệt.').waitFor();

    // The commune chair approves the plan from the list of plans waiting.
    const chair = await signedIn(users.chair);
    await chair.page.goto('/#/approvals');
    await chair.page.getByRole('link', { name: caseNumber }).waitFor();
    await checkPage(chair.page, '07-chair-approvals');
    await chair.page.getByRole('link', { name: caseNumber }).click();
    // Returning the plan needs a reason: the API's answer shows at the form beside the approval.
    const giveBack = stepForm(chair.page, 'Trả lại kế hoạch');
    await giveBack.getByRole('button', { name: 'Trả lại' }).click();
    await expectInvalid(giveBack.getByLabel('Lý do', { exact: true }));
    await stepForm(chair.page, 'Phê duyệt kế hoạch').getByRole('button', { name: 'Phê duyệt' }).click();
    await chair.page.getByText('Đã phê duyệt kế hoạch.').waitFor();
    await checkPage(chair.page, '08-chair-plan-approved');

    // A temporary separation, then its extension by a competent authority.
    const chairToken = await t.login(users.chair, CHANGED_PASSWORD);
    const { version } = (await t.get(`/cases/${caseId}`, chairToken)).body;
    const separated = await t.post(
      `/cases/${caseId}/emergency-actions`,
      { version, type: 'temporary_separation' },
      chairToken,
    );
    expect(separated.status).toBeLessThan(300);
    await chair.page.reload();
    const extend = stepForm(chair.page, 'Gia hạn cách ly tạm thời');
    await extend.getByLabel('Gia hạn đến', { exact: true }).fill(inDays(60));
    await extend.getByLabel('Cơ quan có thẩm quyền quyết định', { exact: true }).fill('Tòa án nhân dân (synthetic)');
    await extend.getByLabel('Quyết định và căn cứ pháp lý', { exact: true }).fill('Quyết định số 1 (synthetic)');
    await extend.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    await chair.page.getByText('Đã gia hạn cách ly tạm thời.').waitFor();
    await checkPage(chair.page, '08b-chair-separation-extended');
    await chair.context.close();

    // The police: the referral in the inbox, the work queue, the criminal track.
    const policeOfficer = await signedIn(users.police, PHONE);
    const p = policeOfficer.page;
    await p.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await p.getByText(caseNumber).first().waitFor();
    await eventually(p.locator('.badge')).toHaveText(/[1-9]/);
    await checkPage(p, '09-police-inbox');
    await p
      .getByRole('button', { name: `Đánh dấu đã đọc (${caseNumber})` })
      .first()
      .click();
    await p.goto('/#/queue');
    await p.getByRole('link', { name: caseNumber }).waitFor();
    await checkPage(p, '10-police-work-queue');
    await p.getByRole('link', { name: caseNumber }).click();
    await moveIntervention(p, 'accepted');
    await moveIntervention(p, 'investigating');
    await checkPage(p, '11-police-case-file');
    await moveIntervention(p, 'prosecuted', 'Đã khởi tố vụ án (synthetic)');
    expect(policeOfficer.problems).toEqual([]);
    await policeOfficer.context.close();

    // Health staff treat the child.
    const healthWorker = await signedIn(users.health);
    await healthWorker.page.goto('/#/queue');
    await healthWorker.page.getByRole('link', { name: caseNumber }).click();
    await moveIntervention(healthWorker.page, 'accepted');
    await moveIntervention(healthWorker.page, 'in_progress');
    await moveIntervention(healthWorker.page, 'completed', 'Đã điều trị xong (synthetic)');
    await healthWorker.context.close();

    // The officer reviews and closes the case.
    await desk.reload();
    const review = stepForm(desk, 'Đánh giá kết quả');
    await review.getByLabel('Kết quả đánh giá', { exact: true }).selectOption('close');
    await review.getByLabel('Ghi chú', { exact: true }).fill('Trẻ an toàn, can thiệp hoàn tất (synthetic)');
    await review.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await desk.getByText('Đã lưu đánh giá kết quả.').waitFor();
    await desk.locator('#access-h + button').click();
    await desk.locator('#access-h + button + ul li').first().waitFor();
    await checkPage(desk, '12-case-file-closed');
    expect((await t.get(`/cases/${caseId}`, officerToken)).body.status).toBe('closed');

    // Nothing of the case stays in the browser but in the API's no-store answers.
    const kept = await browserStorage(desk);
    expect(kept.local.filter((key) => key !== 'cms.lang')).toEqual([]);
    expect(kept.session).toEqual(['cms.token']);
    expect(kept.indexedDb).toEqual([]);
    expect(kept.caches).toEqual([]);
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  }, 240_000);

  it('lists 200 cases at once', async () => {
    const officerToken = await t.login(users.officer, CHANGED_PASSWORD);
    const hotlineToken = await t.login(users.hotline, CHANGED_PASSWORD);
    for (let batch = 0; batch < 10; batch++) {
      const children = Array.from({ length: 20 }, (_, i) => ({
        fullName: `Trẻ Thử ${batch}-${i}`,
        estimatedAge: 8,
        sex: 'female',
        residenceAreaCode: '46001',
      }));
      const filed = await t.post(
        '/reports',
        reportBody({ receivedAt: undefined, occurredAt: undefined, children }),
        hotlineToken,
      );
      expect(filed.status).toBe(201);
    }
    const total = (await t.get('/cases?limit=200', officerToken)).body.items.length;
    expect(total).toBe(200);
    const { context, page } = await signedIn(users.officer);
    const started = Date.now();
    await page.goto('/#/cases');
    await eventually(page.locator('tbody tr')).toHaveCount(200, { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await checkPage(page, '13-officer-200-cases');
    await context.close();
  }, 120_000);

  it('shows the manager the rates against the targets, the trend and the downloads', async () => {
    const admin = await t.adminToken();
    const year = new Date().getFullYear();
    const population = ['46001', '46002', '46003'].flatMap((areaCode) =>
      ['male', 'female'].flatMap((sex) =>
        Array.from({ length: 18 }, (_, age) => ({ areaCode, year, sex, age, count: 400 })),
      ),
    );
    expect((await t.put('/population', population, admin)).status).toBeLessThan(300);
    for (const areaCode of ['46001', '46002'])
      expect(
        (await t.put('/statistics/targets', { indicator: 'abuse', areaCode, year, value: 550, kind: 'max' }, admin))
          .status,
      ).toBeLessThan(300);

    const { context, page, problems } = await signedIn(users.manager);
    await page.getByRole('heading', { name: 'Thống kê' }).waitFor();
    await page.getByRole('note').first().getByText('Số liệu được bảo vệ').waitFor();
    const rates = page.locator('table').first();
    await rates.getByRole('row', { name: /46001/ }).waitFor();
    await eventually(rates.getByRole('row', { name: /46001/ })).toContainText('≤ 550');
    await page.getByRole('heading', { name: 'Diễn biến theo tháng' }).waitFor();
    // The KPIs by sub-area, protected for a manager, the report package beside them.
    await page.getByRole('heading', { name: 'Chỉ số thực hiện' }).waitFor();
    const kpis = page.locator('table.kpis');
    await kpis.getByRole('row', { name: /46001/ }).waitFor();
    await kpis.getByRole('columnheader', { name: 'Trẻ được hỗ trợ, can thiệp kịp thời' }).waitFor();
    await page.getByRole('note').nth(1).getByText('phương pháp cell-key').waitFor();
    await checkPage(page, '14-manager-dashboard');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải CSV' }).click();
    expect((await download).suggestedFilename()).toBe(`abuse-${year}-46.csv`);
    const workbook = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click();
    expect((await workbook).suggestedFilename()).toBe(`abuse-${year}-46.xlsx`);
    const report = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo định kỳ (XLSX)' }).click();
    expect((await report).suggestedFilename()).toBe(`report-${year}-year-46.xlsx`);

    // English at a click, codes with their English labels from GET /codes.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    await page.getByRole('note').first().getByText('Protected figures').waitFor();
    await page.getByRole('heading', { name: 'Performance indicators' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets the admin manage users, areas, holidays and targets, and the auditor read the log', async () => {
    const admin = await newContext(browser, t.baseUrl);
    const page = await admin.context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await page.getByRole('cell', { name: users.officer }).waitFor();
    const create = stepForm(page, 'Tạo người dùng');
    await create.getByLabel('Tên đăng nhập', { exact: true }).fill('auditor.console');
    await create.getByLabel('Họ tên', { exact: true }).fill('Kiểm Tra Viên');
    await create.getByLabel('Vai trò', { exact: true }).selectOption('auditor');
    await create.getByLabel('Địa bàn (mã)', { exact: true }).fill('VN');
    await create.getByLabel('Email', { exact: true }).fill('kiem.tra@example.vn');
    await create.getByLabel('Mật khẩu dùng một lần', { exact: true }).fill(TEST_PASSWORD);
    await create.getByRole('button', { name: 'Tạo', exact: true }).click();
    await page.getByText('Đã tạo người dùng.').waitFor();
    await page.getByRole('cell', { name: 'auditor.console' }).waitFor();
    await page.getByRole('cell', { name: 'kiem.tra@example.vn' }).waitFor();
    const email = stepForm(page, 'Sửa email');
    await email.getByLabel('Người dùng', { exact: true }).selectOption({ label: 'auditor.console — Kiểm Tra Viên' });
    await eventually(email.getByLabel('Email', { exact: true })).toHaveValue('kiem.tra@example.vn');
    await email.getByLabel('Email', { exact: true }).fill('kiemtra.vien@example.vn');
    await email.getByRole('button', { name: 'Lưu email' }).click();
    await page.getByText('Đã lưu email.').waitFor();
    await page.getByRole('cell', { name: 'kiemtra.vien@example.vn' }).waitFor();
    await checkPage(page, '15-admin-users');

    await page.goto('/#/admin/areas');
    const area = stepForm(page, 'Thêm địa bàn');
    await area.getByLabel('Mã', { exact: true }).fill('46004');
    await area.getByLabel('Tên', { exact: true }).fill('Xã Demo 5');
    await area.getByLabel('Cấp', { exact: true }).selectOption('commune');
    await area.getByLabel('Mã địa bàn cấp trên', { exact: true }).fill('46');
    await area.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText('Đã thêm địa bàn.').waitFor();
    await checkPage(page, '16-admin-areas');
    expect((await t.get('/areas/46004', await t.adminToken())).body.parentCode).toBe('46');

    await page.goto('/#/admin/calendar');
    await page.getByLabel('Năm', { exact: true }).fill('2027');
    await page.getByLabel('Mỗi dòng: YYYY-MM-DD tên ngày lễ', { exact: true }).fill('2027-09-02 Quốc khánh');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').waitFor();
    await checkPage(page, '17-admin-holidays');
    const holidays = await t.get('/calendar/holidays?year=2027', await t.adminToken());
    expect(holidays.body.items).toEqual([{ date: '2027-09-02', name: 'Quốc khánh' }]);

    await page.goto('/#/admin/targets');
    const target = stepForm(page, 'Đặt chỉ tiêu');
    await target.getByLabel('Chỉ số', { exact: true }).selectOption('injury');
    await target.getByLabel('Địa bàn (mã)', { exact: true }).fill('46003');
    await target.getByLabel('Giá trị', { exact: true }).fill('12.34');
    await target.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await target.getByLabel('Giá trị', { exact: true }).fill('600');
    await target.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').waitFor();
    const year = new Date().getFullYear();
    await page.getByRole('button', { name: `Xóa chỉ tiêu injury 46003 ${year}` }).waitFor();
    // A KPI target is a share in per cent; a rate target may be in per cent of children too.
    await target.getByLabel('Chỉ số', { exact: true }).selectOption('supported_in_time');
    await eventually(target.getByLabel('Đơn vị', { exact: true })).toHaveValue('percent');
    await target.getByLabel('Giá trị', { exact: true }).fill('95');
    await target.getByLabel('Loại', { exact: true }).selectOption('min');
    await target.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('button', { name: `Xóa chỉ tiêu supported_in_time 46003 ${year}` }).waitFor();
    await checkPage(page, '18-admin-targets');
    await page.getByRole('button', { name: `Xóa chỉ tiêu injury 46003 ${year}` }).click();
    await page.getByText('Đã xóa chỉ tiêu.').waitFor();
    const left = await t.get(`/statistics/targets?areaCode=46003&year=${year}`, await t.adminToken());
    expect(left.body.items.map((item: { indicator: string; areaCode: string }) => item.indicator)).toEqual(
      expect.not.arrayContaining(['injury']),
    );
    expect(left.body.items).toContainEqual(
      expect.objectContaining({ indicator: 'supported_in_time', unit: 'percent', value: 95, kind: 'min' }),
    );
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    // The auditor the admin created chooses a password, then reads who did what.
    const auditor = await newContext(browser, t.baseUrl, PHONE);
    const desk = await auditor.context.newPage();
    await signIn(desk, 'auditor.console', TEST_PASSWORD);
    // The sign-in says which admin set the password, so a reset the user did not ask for shows.
    await desk.getByText(/Quản trị viên admin đã đặt mật khẩu này lúc/).waitFor();
    await desk.getByLabel('Mật khẩu mới', { exact: true }).fill(CHANGED_PASSWORD);
    await desk.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(CHANGED_PASSWORD);
    await desk.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await desk.getByText('Hãy đăng nhập bằng mật khẩu mới').waitFor();
    await signIn(desk, 'auditor.console');
    await desk.getByRole('heading', { name: 'Nhật ký truy cập' }).waitFor();
    await desk.getByLabel('Tên đăng nhập', { exact: true }).fill('admin');
    await desk.getByRole('button', { name: 'Tìm' }).click();
    await desk.locator('tbody tr').first().waitFor();
    await eventually(desk.locator('tbody tr').first()).toContainText('admin');
    await checkPage(desk, '19-auditor-log');
    await desk.goto('/#/password');
    await desk.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await desk.getByText('kiemtra.vien@example.vn').waitFor();
    await checkPage(desk, '20-change-password');
    expect(auditor.problems).toEqual([]);
    await auditor.context.close();
  }, 120_000);

  it('signs out at the service too: the token the tab held answers 401 once the user signs out', async () => {
    const { context, page, problems } = await signedIn(users.manager);
    const held = await page.evaluate(`sessionStorage.getItem('cms.token')`);
    expect(typeof held).toBe('string');
    const me = () => t.get('/users/me', held as string);
    expect((await me()).status).toBe(200);
    const loggedOut = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    expect((await loggedOut).status()).toBe(204);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
    expect((await browserStorage(page)).session).toEqual([]);
    expect((await me()).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('says what the API says about a wrong password and the lockout, and locks an idle session', async () => {
    const { context, problems } = await newContext(browser, t.baseUrl, PHONE);
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page, users.manager, 'not-the-password');
    await eventually(page.getByRole('alert')).toContainText('Wrong username or password');
    await checkPage(page, '00-sign-in-refused');
    for (let attempt = 0; attempt < 6; attempt++) await signIn(page, 'locked.console', 'not-the-password');
    const locked = await page.getByRole('alert').textContent();
    expect(locked).toMatch(/429|Too Many|minute|phút/i);

    await signIn(page, users.manager);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.clock.fastForward('16:00');
    await page.getByText('Phiên làm việc đã tự khóa').waitFor();
    expect((await browserStorage(page)).session).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});

async function expectInvalid(locator: ReturnType<Page['locator']>) {
  await eventually(locator).toHaveAttribute('aria-invalid', 'true');
}

/** The agency moves its intervention to `status` in the case file (the radio of allowedStatuses). */
async function moveIntervention(page: Page, status: string, outcome?: string) {
  const form = stepForm(page, 'Cập nhật can thiệp');
  await form.locator(`input[type=radio][id$="-${status}"]`).check();
  if (outcome) await form.getByLabel('Kết quả', { exact: true }).fill(outcome);
  await form.getByRole('button', { name: 'Cập nhật', exact: true }).click();
  await page.locator(`.card .code-interventionStatuses[data-code="${status}"]`).waitFor();
}

/** Assertions on what the page shows, polled until they hold (jest's expect is for plain values). */
function eventually(locator: ReturnType<Page['locator']>) {
  const poll = async (check: () => Promise<boolean>, what: () => Promise<string>, timeout = 5_000) => {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(await what());
  };
  return {
    toHaveCount: (count: number, options?: { timeout?: number }) =>
      poll(
        async () => (await locator.count()) === count,
        async () => `expected ${count} elements, found ${await locator.count()}`,
        options?.timeout,
      ),
    toHaveAttribute: (name: string, value: string) =>
      poll(
        async () => (await locator.getAttribute(name)) === value,
        async () => `expected ${name}="${value}", found ${await locator.getAttribute(name)}`,
      ),
    toHaveValue: (value: string) =>
      poll(
        async () => (await locator.inputValue()) === value,
        async () => `expected the value ${value}, found ${await locator.inputValue()}`,
      ),
    toHaveText: (pattern: RegExp) =>
      poll(
        async () => pattern.test((await locator.textContent()) ?? ''),
        async () => `expected text ${pattern}, found ${await locator.textContent()}`,
      ),
    toContainText: (pattern: RegExp | string) =>
      poll(
        async () => {
          const text = (await locator.textContent()) ?? '';
          return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
        },
        async () => `expected text ${pattern}, found ${await locator.textContent()}`,
      ),
  };
}
