import { TestApp } from './test-app';

/** Findings of a detailed assessment (Mẫu 03), synthetic. */
export const FINDINGS = {
  physicalEmotional: 'Vết bầm ở tay, trẻ sợ hãi',
  familyCapacity: 'Gia đình thiếu khả năng bảo vệ',
  riskFactors: 'Bạo lực lặp lại',
  schooling: 'Đang học lớp 4',
  community: 'Hàng xóm hỗ trợ',
  serviceNeeds: 'Hỗ trợ tâm lý, nơi ở an toàn',
  childViews: 'Trẻ muốn ở với bà',
};

/** Takes a step and returns the response; the case's current version is read first. */
export async function step(t: TestApp, token: string, caseId: string, path: string, body: Record<string, unknown>) {
  const current = await t.get(`/cases/${caseId}`, token);
  return t.post(`/cases/${caseId}/${path}`, { version: current.body.version, ...body }, token);
}

export const deadline = (view: { deadlines: { kind: string }[] }, kind: string) =>
  view.deadlines.find((d) => d.kind === kind) as
    { kind: string; dueAt: string; metAt: string | null; overdue: boolean } | undefined;
