import type { Page } from '@playwright/test';
import { choose, expect, pickOption, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** Types a date (dd/MM/yyyy) into a date picker of the open dialog and confirms it. */
async function fillDate(page: Page, label: string, ddmmyyyy: string, nth = 0): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true }).nth(nth);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddmmyyyy);
}

/** Picks an option of a select of the open dialog by its label, typing `search` first. */
async function chooseIn(page: Page, label: string, text: string | RegExp, search: string): Promise<void> {
  await choose(page, page.getByRole('dialog').getByLabel(label, { exact: true }), text, { search });
}

test('an inspection goes from plan to conclusion, and its recommendation to done', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const planTitle = `Kế hoạch kiểm tra chuyên đề năm 2026 (${stamp})`;
  const title = `Kiểm tra việc đưa chuyên đề vào sinh hoạt chi bộ (${stamp})`;
  const recommendation = `Đưa chuyên đề năm 2026 vào sinh hoạt của 100% chi bộ (${stamp})`;

  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/inspections');
  await expect(page.getByRole('heading', { name: 'Kế hoạch kiểm tra, giám sát' })).toBeVisible();
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await chooseIn(page, 'Đơn vị tiến hành', /^Tỉnh ủy Cà Mau/, 'tinh uy ca mau');
  await page.getByRole('dialog').getByLabel('Năm').fill('2026');
  await page.getByRole('dialog').getByLabel('Tên kế hoạch').fill(planTitle);
  await page.getByRole('dialog').getByLabel('Số kế hoạch').fill('15-KH/TU');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: planTitle })).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Dự thảo' })).toBeVisible();

  await page.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Đã phê duyệt' })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm cuộc kiểm tra, giám sát' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên cuộc kiểm tra, giám sát').fill(title);
  await dialog.getByLabel('Nội dung').fill('Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.');
  await fillDate(page, 'Ngày bắt đầu dự kiến', '02/11/2026');
  await fillDate(page, 'Ngày kết thúc dự kiến', '13/11/2026');
  await chooseIn(page, 'Đơn vị được kiểm tra, giám sát', 'Đảng ủy xã Đầm Dơi', 'Đầm Dơi');
  await dialog.getByLabel('Họ và tên 1').fill('Nguyễn Văn Hùng');
  await dialog.getByLabel('Chức vụ 1').fill('Phó Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy');
  await dialog.getByRole('button', { name: 'Thêm thành viên' }).click();
  await dialog.getByLabel('Họ và tên 2').fill('Trần Thị Lan');
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.locator('.ant-steps-item-process')).toContainText('Chuẩn bị');
  await snap(page, testInfo, 'inspections-prepare');

  await page.getByRole('button', { name: 'Bắt đầu tiến hành' }).click();
  await page.getByRole('dialog').getByLabel('Số quyết định').fill('245-QĐ/TU');
  await fillDate(page, 'Ngày quyết định', '27/10/2026');
  await fillDate(page, 'Ngày gửi đề cương', '28/10/2026');
  await fillDate(page, 'Ngày bắt đầu', '02/11/2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu tiến hành' }).click();
  await expect(page.locator('.ant-steps-item-process')).toContainText('Tiến hành');

  await page.getByRole('button', { name: 'Ghi nhận báo cáo' }).click();
  await fillDate(page, 'Ngày nhận', '05/11/2026');
  await page.getByRole('dialog').getByLabel('Tóm tắt').fill('Đảng ủy xã tự kiểm tra 24 chi bộ ấp.');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Ngày nhận 05/11/2026' })).toBeVisible();

  await page.getByRole('button', { name: 'Ghi buổi làm việc' }).click();
  await fillDate(page, 'Ngày làm việc', '10/11/2026');
  await page.getByRole('dialog').getByLabel('Địa điểm').fill('Hội trường Đảng ủy xã Đầm Dơi');
  await page.getByRole('dialog').getByLabel('Nội dung làm việc').fill('Làm việc với Ban Thường vụ Đảng ủy xã.');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Làm việc với Ban Thường vụ Đảng ủy xã.')).toBeVisible();
  await snap(page, testInfo, 'inspections-conduct');

  await page.getByRole('button', { name: 'Thông báo kết luận' }).click();
  const close = page.getByRole('dialog');
  await close.getByLabel('Số thông báo').fill('312-TB/TU');
  await fillDate(page, 'Ngày kết thúc', '13/11/2026');
  await close.getByLabel('Ưu điểm').fill('Cấp ủy quan tâm lãnh đạo; chuyên đề được đưa vào sinh hoạt chi bộ.');
  await close.getByLabel('Hạn chế, khuyết điểm').fill('Một số chi bộ chưa sinh hoạt chuyên đề đều đặn.');
  await close.getByRole('button', { name: 'Thêm kiến nghị' }).click();
  await close.getByLabel('Nội dung kiến nghị').fill(recommendation);
  await fillDate(page, 'Thời hạn', '31/12/2099');
  await close.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.locator('.ant-steps-item-finish')).toHaveCount(3);
  await expect(page.getByText('312-TB/TU')).toBeVisible();
  await expect(page.getByTestId('recommendations-table')).toContainText(recommendation);
  await snap(page, testInfo, 'inspections-closed');

  // The commune sees the recommendation in its own list and reports the remediation.
  await page.context().clearCookies();
  await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD, '/inspections/recommendations?view=owner');
  await expect(page.getByTestId('recommendations-table').locator('tr.ant-table-row').first()).toBeVisible();
  await snap(page, testInfo, 'inspections-my-recommendations', false);
  await page.getByRole('button', { name: recommendation }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
  await expect(drawer.locator('.ant-tag').filter({ hasText: 'Đang thực hiện' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Báo cáo khắc phục' }).click();
  await page
    .getByRole('dialog')
    .last()
    .getByLabel('Kết quả khắc phục')
    .fill('24/24 chi bộ đã đưa chuyên đề vào sinh hoạt tháng 11.');
  await page.getByRole('dialog').last().getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(drawer.locator('.ant-tag').filter({ hasText: 'Chờ nghiệm thu' })).toBeVisible();

  // The province accepts it: done, on time.
  await page.context().clearCookies();
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/inspections/recommendations?view=conducting&status=in_progress');
  await page.getByRole('button', { name: recommendation }).click();
  await drawer.getByRole('button', { name: 'Nghiệm thu' }).click();
  await page.getByRole('dialog').last().getByRole('button', { name: 'Nghiệm thu' }).click();
  await expect(drawer.locator('.ant-tag').filter({ hasText: 'Hoàn thành · Đúng hạn' })).toBeVisible();
  await snap(page, testInfo, 'inspections-recommendation-done', false);
});

test('overdue recommendations stand out and come first; the figures add up per unit', async ({ page }, testInfo) => {
  // Three pages and a full-page screenshot: 20 s alone, over a minute on a loaded machine.
  test.setTimeout(120_000);
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/inspections/recommendations?view=all');
  const rows = page.getByTestId('recommendations-table').locator('tr.ant-table-row');
  await expect(rows.first().getByTestId('overdue-tag')).toBeVisible();
  await expect(page.getByTestId('recommendations-summary')).toContainText('quá hạn');
  await snap(page, testInfo, 'inspections-recommendations-overdue', false);

  // The figures open on the user's own unit and this year; unit, period and directive go into the URL.
  await page.goto('/inspections/stats');
  const table = page.getByTestId('stats-table');
  await expect(table.locator('tr.ant-table-row').first()).toContainText('Tổng');
  await expect(table).toContainText('Tỉnh ủy Cà Mau (tự tiến hành)');
  await page.getByLabel('Đơn vị').click();
  await page.getByLabel('Đơn vị').fill('tinh uy ca mau');
  await pickOption(page, /^Tỉnh ủy Cà Mau/);
  await expect(page).toHaveURL(/[?&]unit=[^&]+/);
  await expect(page).toHaveURL(/[?&]from=\d{4}-01-01/);
  await choose(page, page.getByLabel('Văn bản chỉ đạo'), /^05-CT\/TW/, {
    search: '05-ct',
    shownIn: page.locator('main'),
  });
  await expect(page).toHaveURL(/[?&]campaign=[0-9a-f-]{36}/);
  // The figures of 2025, a year the demo fills whatever today is (this year's plan holds little in January).
  const url = new URL(page.url());
  url.searchParams.set('from', '2025-01-01');
  url.searchParams.set('to', '2025-12-31');
  await page.goto(url.pathname + url.search);
  await expect(table.locator('tr.ant-table-row').first()).toContainText('Tổng');
  await expect(table.getByTestId('row-by-level').first()).toContainText('Tỉnh ủy');
  await expect(page.getByTestId('stats-by-level')).toContainText('Tỉnh ủy');
  await page.reload();
  await expect(page.locator('main')).toContainText('05-CT/TW');
  await snap(page, testInfo, 'inspections-stats', false);

  await page.goto('/inspections');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await page.locator('.ant-table-row').filter({ hasText: '2019' }).first().getByRole('link').first().click();
  await expect(page.getByText('Các cuộc kiểm tra, giám sát trong kế hoạch')).toBeVisible();
  await page.locator('.ant-table-row').first().getByRole('link').first().click();
  await expect(page.locator('.ant-steps')).toBeVisible();
  await expect(page.getByTestId('dissolved-tag').first()).toBeVisible();
  await snap(page, testInfo, 'inspections-2019-dissolved-subject');
});
