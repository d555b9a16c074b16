import type { APIRequestContext, Page } from '@playwright/test';
import { choose, expect, pickOption, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';
const HEADER =
  'decision_number,decision_date,level,form,issuer,recipient_type,recipient_name,unit_code,position,reason';

/** Types a date (dd/MM/yyyy) into the date picker of the open dialog and confirms it. */
async function fillDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddmmyyyy);
}

function csv(rows: string[]): { name: string; mimeType: string; buffer: Buffer } {
  const body = [HEADER, ...rows].join('\r\n') + '\r\n';
  return {
    name: 'khen-thuong.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]),
  };
}

test('the article’s figures for Tỉnh ủy Cà Mau over 2016-05-15 … 2019-08-20', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/commendations/stats?unit=96&from=2016-05-15&to=2019-08-20');
  const sentence = page.getByTestId('stats-sentence');
  await expect(sentence).toContainText('Tỉnh ủy Cà Mau, từ 15/05/2016 đến 20/08/2019');
  await expect(sentence).toContainText(
    'Cấp huyện khen thưởng 281 tập thể và 410 cá nhân; Cấp tỉnh khen thưởng 46 tập thể và 56 cá nhân; ' +
      'Cấp Trung ương khen thưởng 02 tập thể và 02 cá nhân',
  );
  await expect(page.getByTestId('stats-children')).toContainText('Huyện ủy Đầm Dơi');
  await snap(page, testInfo, 'commendations-stats');

  // One directive's share of the figures, kept in the URL by its code so the page can be shared.
  const card = page.locator('.ant-card').filter({ has: sentence });
  await choose(page, card.getByRole('combobox').last(), /^05-CT\/TW/, { search: '05-CT', shownIn: card });
  await expect(page).toHaveURL(/campaign=05-CT%2FTW/);
  await expect(sentence).toContainText('Tỉnh ủy Cà Mau, từ 15/05/2016 đến 20/08/2019, theo 05-CT/TW:');
  await snap(page, testInfo, 'commendations-stats-campaign');
  await page.reload();
  await expect(sentence).toContainText('theo 05-CT/TW');

  await page.goto('/commendations');
  await expect(page.getByRole('heading', { name: 'Khen thưởng' })).toBeVisible();
  await page.getByTestId('commendation-search').fill('QĐ/TU');
  await expect(page.getByTestId('decisions').locator('tr.ant-table-row').first()).toContainText('-QĐ/TU');
  await snap(page, testInfo, 'commendations-list');
});

test('an editor creates a decision and adds its recipients inline', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.nhaplieu', DEMO_PASSWORD, '/commendations');
  await page.getByRole('button', { name: 'Thêm quyết định' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số, ký hiệu', { exact: true }).fill('301-QĐ/TU');
  await fillDate(page, 'Ngày quyết định', '15/10/2025');
  await dialog.getByLabel('Cơ quan ban hành', { exact: true }).fill('Tỉnh ủy Cà Mau');
  await choose(page, dialog.getByLabel('Cấp ủy ban hành (nếu trong hệ thống)'), 'Tỉnh ủy Cà Mau', {
    search: 'tinh uy ca mau',
  });
  await choose(page, dialog.getByLabel('Cấp khen', { exact: true }), 'Cấp tỉnh');
  await choose(page, dialog.getByLabel('Hình thức', { exact: true }), 'Bằng khen');
  await snap(page, testInfo, 'commendation-create', false);
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page).toHaveURL(/\/commendations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: '301-QĐ/TU' })).toBeVisible();
  const recipients = page.getByTestId('recipients');
  const add = async (type: string, name: string, unitSearch: string, unit: RegExp, position?: string) => {
    await page.getByRole('button', { name: 'Thêm người, tập thể' }).click();
    const row = recipients.locator('tr.ant-table-row').last();
    await row.locator('.ant-select').first().click();
    await pickOption(page, type);
    await row.getByLabel('Tên', { exact: true }).fill(name);
    const unitSelect = row.locator('.ant-select').nth(1);
    await unitSelect.click();
    await unitSelect.locator('input').fill(unitSearch);
    await pickOption(page, unit);
    if (position) {
      await row.getByLabel('Chức vụ', { exact: true }).fill(position);
    }
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect(recipients).toContainText(name);
  };
  await add('Cá nhân', 'Nguyễn Thị Thu Hà', 'dam doi', /Đảng ủy xã Đầm Dơi/, 'Phó Bí thư Đảng ủy');
  await add('Tập thể', 'Đảng bộ xã Đầm Dơi', 'dam doi', /Đảng ủy xã Đầm Dơi/);
  await expect(recipients.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(page.getByText('Tập thể, cá nhân được khen (2)')).toBeVisible();
  await snap(page, testInfo, 'commendation-decision');

  await page.goto('/commendations');
  await page.getByTestId('commendation-search').fill('nguyen thi thu ha');
  await expect(page.getByTestId('decisions').getByRole('link', { name: '301-QĐ/TU' })).toBeVisible();
});

test('an import with errors shows every bad cell; a good one changes the counts', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.nhaplieu', DEMO_PASSWORD);
  const statsUrl = '/commendations/stats?unit=32152&from=2025-11-01&to=2025-11-30';
  await page.goto(statsUrl);
  const levels = page.getByTestId('stats-sentence');
  await expect(levels).toContainText('Đảng ủy xã Đầm Dơi');
  const before = (await levels.textContent()) ?? '';

  await page.goto('/commendations/import');
  await expect(page.getByRole('heading', { name: 'Nhập khen thưởng từ tệp' })).toBeVisible();
  await page
    .locator('input[type=file]')
    .setInputFiles(
      csv([
        '12-QĐ/ĐU,31/11/2025,commune,GIAY_KHEN,Đảng ủy xã Đầm Dơi,individual,Lê Văn Tám,32152-01,Đảng viên,',
        '13-QĐ/ĐU,2025-11-20,xã,GIAY_KHEN,Đảng ủy xã Đầm Dơi,individual,Lê Văn Chín,KHONG-CO,Đảng viên,',
        '13-QĐ/ĐU,2025-11-20,commune,BANG_KHEN,Đảng ủy xã Đầm Dơi,collective,Chi bộ ấp 1,32152-01,,',
      ]),
    );
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors).toContainText('Dòng');
  await expect(errors).toContainText('decision_date');
  await expect(errors).toContainText('Ngày "31/11/2025" không hợp lệ');
  await expect(errors).toContainText('Không tìm thấy đơn vị mã "KHONG-CO"');
  await expect(errors).toContainText('Khác với dòng 3');
  await expect(page.getByText(/Tệp có \d+ lỗi; chưa ghi dữ liệu nào/)).toBeVisible();
  await snap(page, testInfo, 'commendations-import-errors');

  await page
    .locator('input[type=file]')
    .setInputFiles(
      csv([
        '14-QĐ/ĐU,2025-11-20,commune,GIAY_KHEN,Đảng ủy xã Đầm Dơi,individual,Lê Văn Tám,32152-01,Đảng viên,Gương mẫu',
        '14-QĐ/ĐU,2025-11-20,commune,GIAY_KHEN,Đảng ủy xã Đầm Dơi,individual,Trần Thị Mỹ,32152-02,Trưởng ấp,',
        '14-QĐ/ĐU,2025-11-20,commune,GIAY_KHEN,Đảng ủy xã Đầm Dơi,collective,Chi bộ ấp 1,32152-01,,',
      ]),
    );
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Tệp hợp lệ: sẽ thêm 1 quyết định, 3 tập thể, cá nhân. Chưa ghi gì.');
  const listed = page.getByTestId('import-created').locator('tr.ant-table-row');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(['14-QĐ/ĐU20/11/2025Cấp xãGiấy khenĐảng ủy xã Đầm Dơi3']);
  await snap(page, testInfo, 'commendations-import-dry-run');
  await result.getByRole('button', { name: 'Nhập vào hệ thống' }).click();
  await expect(result).toContainText('Đã nhập 1 quyết định, 3 tập thể, cá nhân.');
  await snap(page, testInfo, 'commendations-import-done');

  await page.goto(statsUrl);
  await expect(levels).not.toHaveText(before);
  await expect(page.getByTestId('stats-levels')).toContainText('Cấp xã');
  await snap(page, testInfo, 'commendations-stats-after-import');
});

test('the list and a decision fit a 360 px phone screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/commendations');
  await expect(page.getByTestId('decisions').locator('tr.ant-table-row').first()).toBeVisible();
  await snap(page, testInfo, 'commendations-list-phone');
  await page.getByTestId('decisions').locator('tr.ant-table-row').first().getByRole('link').click();
  await expect(page.getByTestId('recipients')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await snap(page, testInfo, 'commendation-decision-phone');
});

test('a large file shows the rows the server has checked while it runs', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.nhaplieu', DEMO_PASSWORD, '/commendations/import');
  // 100,000 recipients in 5,000 decisions of 20 (the scale): the check takes seconds even on a quiet
  // machine, where 40,000 rows were checked before the screen's first look at the server's count.
  const rows: string[] = [];
  for (let decision = 1; decision <= 5_000; decision++) {
    for (let i = 1; i <= 20; i++) {
      const cell = i % 2 === 0 ? '32152-01' : '32152-02';
      rows.push(
        `L${decision}-QĐ/ĐU,2025-11-20,commune,GIAY_KHEN,Đảng ủy xã Đầm Dơi,individual,Người thứ ${i},${cell},Đảng viên,`,
      );
    }
  }
  await page.locator('input[type=file]').setInputFiles(csv(rows));
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();

  const progress = page.getByTestId('import-progress-text');
  await expect(progress).toHaveText(/^Đã kiểm tra [\d.]+\/100\.000 dòng…$/);
  await snap(page, testInfo, 'commendations-import-progress');
  await expect(page.getByTestId('import-result')).toContainText(
    'Tệp hợp lệ: sẽ thêm 5.000 quyết định, 100.000 tập thể, cá nhân. Chưa ghi gì.',
  );
  await expect(progress).toHaveCount(0);
});

/** Another user's API session, for changes made "meanwhile" behind a page's back. */
async function apiSession(make: () => Promise<APIRequestContext>, username: string): Promise<APIRequestContext> {
  const api = await make();
  const login = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return api;
}

test('an editor saving a decision someone changed meanwhile reads what changed, in Vietnamese', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  await signIn(page, 'tinh.nhaplieu', DEMO_PASSWORD, '/commendations');
  const caMau = await (await page.request.get('/api/v1/org-units/96')).json();
  const created = await page.request.post('/api/v1/commendations', {
    data: {
      number: '303-QĐ/TU',
      decisionDate: '2025-10-20',
      system: 'party',
      issuerName: 'Tỉnh ủy Cà Mau',
      issuerUnitId: caMau.id,
      level: 'province',
      form: 'BANG_KHEN',
      type: 'periodic',
      signer: 'Nguyễn Hồ Hải',
    },
  });
  expect(created.status()).toBe(201);
  const decision = await created.json();
  await page.goto(`/commendations/${decision.id}`);
  await expect(page.getByRole('heading', { name: '303-QĐ/TU' })).toBeVisible();
  await page.getByRole('button', { name: /Sửa$/ }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('Cấp khen', { exact: true }), 'Cấp Trung ương');
  await choose(page, dialog.getByLabel('Hình thức', { exact: true }), 'Giấy khen');

  const manager = await apiSession(() => playwright.request.newContext({ baseURL }), 'tinh.quanly');
  const meanwhile = await manager.patch(`/api/v1/commendations/${decision.id}`, {
    data: { level: 'district', form: 'CO_THI_DUA', version: decision.version },
  });
  expect(meanwhile.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const conflict = dialog.getByTestId('conflict');
  await expect(conflict).toContainText('Quyết định vừa được người khác thay đổi');
  await expect(conflict).toContainText('Cấp khen hiện là "Cấp huyện"');
  await expect(conflict).toContainText('Hình thức hiện là "Cờ thi đua"');
  await expect(conflict).toContainText(/Lần sửa gần nhất: Nguyễn Thanh Hải lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
  await expect(conflict).not.toContainText('district');
  await conflict.scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'commendation-conflict', false);
  await dialog
    .getByRole('button', { name: /Hủy|Đóng/ })
    .first()
    .click();
  await page.reload();
  await expect(page.getByText('Cờ thi đua')).toBeVisible();

  // Adding a recipient sends nothing to compare: the alert says who changed the decision and whom it now commends.
  const damDoi = await (await manager.get('/api/v1/org-units/32152')).json();
  const added = await manager.post(`/api/v1/commendations/${decision.id}/recipients`, {
    data: { recipientType: 'individual', name: 'Lê Văn Tư', unitId: damDoi.id, version: 2 },
  });
  expect(added.status()).toBe(201);
  await manager.dispose();
  await page.getByRole('button', { name: 'Thêm người, tập thể' }).click();
  const row = page.getByTestId('recipients').locator('tr.ant-table-row').last();
  await row.locator('.ant-select').first().click();
  await pickOption(page, 'Cá nhân');
  await row.getByLabel('Tên', { exact: true }).fill('Phạm Thị Lan');
  const unitSelect = row.locator('.ant-select').nth(1);
  await unitSelect.click();
  await unitSelect.locator('input').fill('dam doi');
  await pickOption(page, /Đảng ủy xã Đầm Dơi/);
  await row.getByRole('button', { name: 'Lưu' }).click();
  const stale = page.getByTestId('conflict');
  await expect(stale).toContainText('Lần sửa gần nhất: Nguyễn Thanh Hải');
  await expect(stale).toContainText('Thêm Lê Văn Tư vào quyết định 303-QĐ/TU.');
  await expect(stale).toContainText('Quyết định hiện khen 0 tập thể, 1 cá nhân.');
  await snap(page, testInfo, 'commendation-recipient-conflict', false);
  await stale.getByRole('button', { name: 'Tải lại' }).click();
  await expect(page.getByTestId('recipients')).toContainText('Lê Văn Tư');
  await expect(page.getByTestId('recipients')).not.toContainText('Phạm Thị Lan');
});
