import fs from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { choose, expect, pickOption, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** Picks an option of a select and waits until the select shows it (a click on an opening drop-down is lost). */
async function pick(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  const shown = select.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await pickOption(page, text, 10_000);
      await expect(shown).toContainText(text, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
}

/** The card of one template on the templates page. */
const card = (page: Page, name: string) => page.locator('.ant-card').filter({ hasText: name });

test('a provincial manager edits a template, assigns who reports on it and removes an obligation', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `Báo cáo quý công tác tuyên giáo ${code}`;
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD);
  await page.goto('/reports/templates');

  // A new template, then its parts and indicators on the edit screen.
  await page.getByRole('button', { name: 'Tạo mẫu báo cáo' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('Mã mẫu', { exact: true }).fill(code);
  await create.getByLabel('Tên mẫu', { exact: true }).fill(name);
  await create.getByLabel('Trích yếu', { exact: true }).fill('kết quả công tác tuyên giáo trong quý');
  await create.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(page.getByText('Đã tạo mẫu báo cáo')).toBeVisible();
  const tpl = card(page, name);
  await expect(tpl.getByText('Chưa giao cho đơn vị nào.')).toBeVisible();

  await tpl.getByRole('button', { name: `Sửa mẫu ${code}` }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByText(`Sửa mẫu báo cáo ${code}`)).toBeVisible();
  await edit.getByLabel('Tên phần 5', { exact: true }).fill('Đề xuất, kiến nghị với Ban Tuyên giáo Tỉnh ủy');
  await edit.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await edit.getByLabel('Mã chỉ tiêu 1', { exact: true }).fill('hoi_nghi');
  await edit.getByLabel('Tên chỉ tiêu 1', { exact: true }).fill('Hội nghị học tập, quán triệt');
  await edit.getByLabel('Đơn vị tính 1', { exact: true }).fill('hội nghị');
  await pick(page, edit.getByLabel('Thuộc phần 1', { exact: true }), /^II$/);
  await edit.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await pick(page, edit.getByLabel('Nguồn 2', { exact: true }), 'Từ dữ liệu');
  await pick(page, edit.getByLabel('Chỉ tiêu trong danh mục 2', { exact: true }), 'Mô hình được nhân rộng');
  await expect(edit.getByLabel('Tên chỉ tiêu 2', { exact: true })).toHaveValue('Mô hình được nhân rộng');
  await edit.getByLabel('Mã chỉ tiêu 2', { exact: true }).fill('mo_hinh.nhan_rong');
  await edit.getByRole('button', { name: 'Chuyển lên 2', exact: true }).click();
  await expect(edit.getByLabel('Mã chỉ tiêu 1', { exact: true })).toHaveValue('mo_hinh.nhan_rong');
  await snap(page, testInfo, 'reports-templates-01-edit');
  await edit.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(page.getByText('Đã lưu mẫu báo cáo')).toBeVisible();
  await expect(tpl.locator('.ant-tag').filter({ hasText: 'Mô hình được nhân rộng' })).toBeVisible();
  await expect(tpl.locator('.ant-tag').filter({ hasText: 'Hội nghị học tập, quán triệt' })).toBeVisible();

  // Every commune committee under the province reports to it; Đầm Dơi is also named on its own, then dropped.
  await tpl.getByRole('button', { name: 'Giao nghĩa vụ' }).click();
  const everyCommune = 'Mọi đảng ủy xã, phường, đặc khu trực thuộc báo cáo Tỉnh ủy Cà Mau';
  await expect(tpl.getByText(everyCommune)).toBeVisible();
  await tpl.getByText('Một đơn vị', { exact: true }).click();
  await choose(page, tpl.locator(`#obligation-${code}-unit`), /^Đảng ủy xã Đầm Dơi/, {
    search: 'Đầm Dơi',
    shownIn: tpl,
  });
  await tpl.getByRole('button', { name: 'Giao nghĩa vụ' }).click();
  const damDoi = 'Đảng ủy xã Đầm Dơi báo cáo Tỉnh ủy Cà Mau';
  await expect(tpl.getByText(damDoi)).toBeVisible();
  await snap(page, testInfo, 'reports-templates-02-obligations');
  await tpl.getByRole('button', { name: `Bỏ: ${damDoi}` }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ' }).click();
  await expect(page.getByText('Đã bỏ nghĩa vụ báo cáo')).toBeVisible();
  await expect(tpl.getByText(damDoi)).toHaveCount(0);
  await expect(tpl.getByText(everyCommune)).toBeVisible();

  // Taken out of use, so the communes' and the province's pages open on the demo template again.
  await tpl.getByRole('button', { name: `Sửa mẫu ${code}` }).click();
  await page.getByRole('dialog').getByRole('switch', { name: 'Đang dùng' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
  await expect(tpl.locator('.ant-tag').filter({ hasText: 'Ngừng dùng' })).toBeVisible();

  // The demo template has reports: what they rely on is locked, and the screen says why.
  const demo = card(page, 'Báo cáo quý thực hiện Chỉ thị 05-CT/TW');
  await demo.getByRole('button', { name: 'Sửa mẫu BC-QUY-CT05' }).click();
  const locked = page.getByRole('dialog');
  await expect(locked.getByText(/^Mẫu đã có \d+ báo cáo của các đơn vị\./)).toBeVisible();
  await expect(locked.getByLabel('Mã chỉ tiêu 1', { exact: true })).toBeDisabled();
  await expect(locked.getByRole('button', { name: 'Xóa mã chỉ tiêu 1', exact: true })).toBeDisabled();
  await snap(page, testInfo, 'reports-templates-03-locked');
  await locked.getByRole('button', { name: 'Hủy' }).click();
});

test('a commune editor reads the templates but cannot change them', async ({ page }) => {
  await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD);
  await page.goto('/reports/templates');
  const demo = card(page, 'Báo cáo quý thực hiện Chỉ thị 05-CT/TW');
  await expect(demo).toBeVisible();
  await expect(demo.getByRole('button', { name: /^Sửa mẫu/ })).toHaveCount(0);
  await expect(demo.getByRole('button', { name: 'Giao nghĩa vụ' })).toHaveCount(0);
});

test('the province numbers its third-quarter aggregate and the DOCX carries the number', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD);
  await page.goto('/reports/review');
  await expect(page.getByText('Phải báo cáo')).toBeVisible();
  await pick(page, page.locator('#review-template'), 'Báo cáo quý thực hiện Chỉ thị 05-CT/TW');
  await pick(page, page.locator('#review-period'), 'Quý III/2026');
  await page.getByRole('button', { name: 'Cấp số báo cáo tổng hợp' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Cấp số báo cáo tổng hợp' }).click();
  const issued = page.locator('.ant-tag').filter({ hasText: /^Số \d{2}-BC\/TU, ngày \d{2}\/\d{2}\/\d{4}$/ });
  await expect(issued).toBeVisible();
  const symbol = /Số (\d{2}-BC\/TU)/.exec((await issued.textContent())!)![1];
  await expect(page.getByRole('button', { name: 'Cấp số báo cáo tổng hợp' })).toHaveCount(0);
  await snap(page, testInfo, 'reports-templates-04-aggregate-numbered');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).click(),
  ]);
  const file = testInfo.outputPath('tong-hop-so.docx');
  await download.saveAs(file);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join('');
  expect(text).toContain(`Số ${symbol}`);
});
