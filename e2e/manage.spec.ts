import type { Page } from '@playwright/test';
import { expect, pickOption, signIn, snap, test } from './support';

const CSV_HEADER = 'Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ';

async function openUnit(page: Page, search: string, name: string): Promise<void> {
  await page.getByTestId('unit-search').fill(search);
  await page.getByTestId('search-results').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

function csv(rows: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from([CSV_HEADER, ...rows].join('\n'), 'utf8') };
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('importing units: errors by row and column, a dry run, then the import', async ({ page }, testInfo) => {
  await openUnit(page, '32152', 'Đảng ủy xã Đầm Dơi');
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog');
  const upload = dialog.locator('input[type=file]');

  await upload.setInputFiles(csv(['32152-91,Chi bộ ấp Thử Nghiệm,Chi bộ,32152,31/02/2026']));
  await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const errors = dialog.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row').nth(1)).toContainText('2');
  await snap(page, testInfo, 'import-errors', false);

  await upload.setInputFiles(csv(['32152-91,Chi bộ ấp Thử Nghiệm,Chi bộ,32152,01/01/2026']));
  await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(dialog.getByText('Tệp hợp lệ: sẽ tạo 1 đơn vị')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Chạy thử/ }).uncheck();
  await dialog.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  await expect(dialog.getByText('Đã tạo 1 đơn vị.')).toBeVisible();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('unit-children')).toContainText('Chi bộ ấp Thử Nghiệm');
});

test('a new unit below, then renamed: both names stay on record', async ({ page }, testInfo) => {
  await openUnit(page, '32152', 'Đảng ủy xã Đầm Dơi');
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('Mã đơn vị').fill('32152-92');
  await add.getByLabel('Tên đơn vị').fill('Chi bộ ấp Mới');
  await add.getByLabel('Loại').click();
  await pickOption(page, /^Chi bộ$/);
  const from = add.getByLabel('Hiệu lực từ ngày');
  await from.fill('01/03/2026');
  await from.press('Enter');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await expect(add).toBeHidden();
  await page.getByTestId('unit-children').getByRole('link', { name: 'Chi bộ ấp Mới' }).click();
  await expect(page.getByRole('heading', { name: 'Chi bộ ấp Mới' })).toBeVisible();

  await page.getByRole('button', { name: 'Đổi tên' }).click();
  const rename = page.getByRole('dialog');
  await rename.getByLabel('Tên mới', { exact: true }).fill('Chi bộ ấp Mới Thành Lập');
  await rename.getByRole('button', { name: 'Lưu' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Chi bộ ấp Mới Thành Lập' })).toBeVisible();
  const names = page.locator('.ant-card').filter({ hasText: 'Các tên gọi qua thời gian' });
  await expect(names.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(names).toContainText('Chi bộ ấp Mới');
  await snap(page, testInfo, 'org-unit-renamed');
});

test('a user is created with a generated password, given a role, and the log shows it', async ({ page }, testInfo) => {
  await page.getByRole('menu').getByText('Người dùng').click();
  await expect(page.getByRole('heading', { name: 'Người dùng' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đăng nhập').fill('e2e.nguoidung');
  await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Thử');
  await dialog.getByLabel('Đơn vị', { exact: true }).click();
  await page.keyboard.type('dam doi');
  await pickOption(page, /Đảng ủy xã Đầm Dơi/);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByTestId('one-time-password')).toHaveText(/\S{8,}/);
  await snap(page, testInfo, 'user-created', false);
  await dialog.getByRole('button', { name: 'Xong' }).click();

  const row = page.getByTestId('users-table').getByRole('row', { name: /e2e\.nguoidung/ });
  await expect(row).toContainText('Nguyễn Thị Thử');
  await row.getByRole('button', { name: 'Phân quyền' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Đơn vị', { exact: true }).click();
  await page.keyboard.type('32152');
  await pickOption(page, /Đảng ủy xã Đầm Dơi/);
  await drawer.getByLabel('Vai trò').click();
  await pickOption(page, /^Nhập liệu$/);
  await drawer.getByRole('button', { name: 'Cấp quyền' }).click();
  await expect(drawer.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(drawer).toContainText('Nhập liệu');
  await page.keyboard.press('Escape');
  await expect(row).toContainText('Nhập liệu · Đảng ủy xã Đầm Dơi');
  await snap(page, testInfo, 'users');

  await page.getByRole('menu').getByText('Nhật ký hoạt động').click();
  const log = page.getByTestId('audit-table');
  const created = log.getByRole('row').filter({ hasText: 'Tạo người dùng' }).first();
  await expect(created).toBeVisible();
  await created.getByRole('button').first().click();
  await expect(log.getByText('Sau', { exact: true })).toBeVisible();
  await snap(page, testInfo, 'audit');
});
