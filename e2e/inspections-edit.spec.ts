import type { Page } from '@playwright/test';
import { foldVietnamese } from '../common/text';
import { choose, expect, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** One API call with the page's cookies (as another tab of the same user would make it); fails the test on an error. */
async function call<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Inspection {
  id: string;
  version: number;
  subjectReports: { id: string }[];
  recommendations: { id: string; text: string }[];
}

/** The new province, Xã Đầm Dơi under it and one of its cells, as on the inspections' start. */
async function units(page: Page) {
  const at = '2026-11-02';
  const [province] = (await call<{ items: Unit[] }>(page, 'GET', `/org-units?search=tinh%20uy%20ca%20mau&at=${at}`))
    .items;
  const [commune] = (
    await call<{ items: Unit[] }>(page, 'GET', `/org-units?search=dam%20doi&under=${province!.id}&at=${at}`)
  ).items.filter((unit) => unit.name.startsWith('Đảng ủy xã'));
  const [cell] = (await call<{ items: Unit[] }>(page, 'GET', `/org-units?parent=${commune!.id}&at=${at}`)).items;
  return { province: province!, commune: commune!, cell: cell! };
}

async function newInspection(page: Page, planId: string, title: string, subject: Unit): Promise<Inspection> {
  return call<Inspection>(page, 'POST', '/inspections', {
    planId,
    kind: 'inspection',
    form: 'thematic',
    title,
    plannedStart: '2026-11-02',
    plannedEnd: '2026-11-13',
    subjectUnitIds: [subject.id],
    members: [{ fullName: 'Nguyễn Văn Hùng', role: 'head' }],
  });
}

async function start(page: Page, inspection: Inspection): Promise<Inspection> {
  return call<Inspection>(page, 'POST', `/inspections/${inspection.id}/start`, {
    decisionNumber: '250-QĐ/TU',
    decisionDate: '2026-10-27',
    actualStart: '2026-11-02',
    version: inspection.version,
  });
}

test('staff edit an inspection and its recommendations, and see what changed when someone else saved first', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/inspections');
  const { province, commune, cell } = await units(page);
  const plan = await call<{ id: string; version: number }>(page, 'POST', '/inspection-plans', {
    unitId: province.id,
    year: 2026,
    title: `Kế hoạch giám sát bổ sung năm 2026 (${stamp})`,
  });
  await call(page, 'POST', `/inspection-plans/${plan.id}/approve`, { approvedOn: '2026-10-01', version: plan.version });
  const editable = await newInspection(page, plan.id, `Kiểm tra công tác phát triển đảng viên (${stamp})`, commune);

  // The plan's own fields.
  await page.goto(`/inspections/plans/${plan.id}`);
  await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
  await page.getByRole('dialog').getByLabel('Số kế hoạch').fill('16-KH/TU');
  await page.getByRole('dialog').getByLabel('Ghi chú').fill('Bổ sung theo Kết luận của Ban Thường vụ Tỉnh ủy.');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.locator('.ant-descriptions')).toContainText('16-KH/TU');
  await expect(page.locator('.ant-descriptions')).toContainText('Bổ sung theo Kết luận của Ban Thường vụ Tỉnh ủy.');

  // Edit: the dates pass the province's 45 days (warned while typing), and a cell two levels down becomes a subject.
  await page.goto(`/inspections/${editable.id}`);
  await page.getByRole('button', { name: 'Sửa cuộc kiểm tra, giám sát' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Tên cuộc kiểm tra, giám sát')).toHaveValue(/Kiểm tra công tác phát triển đảng viên/);
  await expect(dialog).toContainText(commune.name);
  await dialog.getByRole('radio', { name: 'Giám sát' }).check();
  const end = dialog.getByLabel('Ngày kết thúc dự kiến', { exact: true });
  await end.click();
  await end.fill('31/12/2026');
  await end.press('Enter');
  await expect(dialog.getByTestId('duration-warning')).toContainText('60 ngày vượt thời hạn 45 ngày');
  await choose(page, dialog.getByLabel('Đơn vị được kiểm tra, giám sát', { exact: true }), cell.code, {
    search: foldVietnamese(cell.name),
  });
  await dialog.locator('.ant-modal-title').click();
  await dialog.getByTestId('duration-warning').scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'inspections-edit-form', false);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Giám sát' })).toBeVisible();
  await expect(page.getByText(cell.name).first()).toBeVisible();
  await expect(page.getByText('vượt thời hạn 45 ngày').first()).toBeVisible();

  // Someone else renames it while this form is open: saving the stale form shows what changed, and reloading takes it.
  await page.getByRole('button', { name: 'Sửa cuộc kiểm tra, giám sát' }).click();
  await dialog.getByLabel('Tên cuộc kiểm tra, giám sát').fill(`Giám sát công tác phát triển đảng viên (${stamp})`);
  const current = await call<Inspection>(page, 'GET', `/inspections/${editable.id}`);
  const renamed = `Giám sát việc kết nạp đảng viên mới (${stamp})`;
  await call(page, 'PATCH', `/inspections/${editable.id}`, { title: renamed, version: current.version });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const conflict = dialog.getByTestId('conflict');
  await expect(conflict).toContainText('Người khác vừa sửa bản ghi này');
  await expect(conflict).toContainText(`Tên cuộc kiểm tra hiện là "${renamed}"`);
  await conflict.scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'inspections-edit-conflict', false);
  await conflict.getByRole('button', { name: 'Tải lại' }).click();
  await expect(conflict).toBeHidden();
  await expect(dialog.getByLabel('Tên cuộc kiểm tra, giám sát')).toHaveValue(renamed);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('heading', { name: renamed })).toBeVisible();

  // A working session entered by mistake is deleted while the inspection is conducted.
  const started = await start(page, await call<Inspection>(page, 'GET', `/inspections/${editable.id}`));
  await call(page, 'POST', `/inspections/${started.id}/sessions`, {
    heldOn: '2026-11-05',
    summary: `Buổi làm việc nhập nhầm (${stamp})`,
  });
  await page.reload();
  const sessionRow = page.locator('tr').filter({ hasText: `Buổi làm việc nhập nhầm (${stamp})` });
  await sessionRow.getByRole('button', { name: 'Xóa' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(sessionRow).toHaveCount(0);
  await expect(page.getByText('Chưa có buổi làm việc')).toBeVisible();

  // A closed inspection: one recommendation edited, another deleted.
  let closing = await start(page, await newInspection(page, plan.id, `Kiểm tra tài chính đảng (${stamp})`, commune));
  closing = await call<Inspection>(
    page,
    'PUT',
    `/inspections/${closing.id}/subjects/${closing.subjectReports[0]!.id}/self-report`,
    { receivedOn: '2026-11-04' },
  );
  const keep = `Hoàn thiện sổ sách thu, nộp đảng phí (${stamp})`;
  const drop = `Kiến nghị nhập nhầm (${stamp})`;
  const closed = await call<Inspection>(page, 'POST', `/inspections/${closing.id}/close`, {
    conclusionNumber: '320-TB/TU',
    conclusionDate: '2026-11-20',
    actualEnd: '2026-11-13',
    strengths: 'Thu, nộp đảng phí đúng quy định.',
    recommendations: [keep, drop].map((text) => ({
      text,
      category: 'remedy_shortcoming',
      ownerUnitId: commune.id,
      deadline: '2099-12-31',
    })),
    version: closing.version,
  });
  await page.goto(`/inspections/${closed.id}`);
  const table = page.getByTestId('recommendations-table');
  const drawer = page.locator('.ant-drawer');
  await table.getByRole('button', { name: keep }).click();
  await drawer.getByRole('button', { name: 'Sửa kiến nghị' }).click();
  const edit = page.getByRole('dialog').last();
  const edited = `Hoàn thiện sổ sách thu, nộp đảng phí của 24 chi bộ (${stamp})`;
  await edit.getByLabel('Nội dung kiến nghị').fill(edited);
  await snap(page, testInfo, 'inspections-recommendation-edit', false);
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(drawer).toContainText(edited);
  await snap(page, testInfo, 'inspections-recommendation-edited', false);
  await drawer.locator('.ant-drawer-close').click();
  await expect(table).toContainText(edited);

  await table.getByRole('button', { name: drop }).click();
  await drawer.getByRole('button', { name: 'Xóa kiến nghị' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(drawer).toBeHidden();
  await expect(table).not.toContainText(drop);
  await expect(table).toContainText(edited);
});
