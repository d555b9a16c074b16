import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { choose as chooseIn, expect, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';
const ARTICLE =
  'cấp huyện, thành phố khen 281 tập thể và 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; ' +
  'cấp Trung ương khen 02 tập thể và 02 cá nhân';

/** A signed-in page of its own (a commune editor and a province manager work side by side). */
async function session(browser: Browser, testInfo: TestInfo, username: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 860 },
  });
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD);
  return page;
}

/** Picks an option of a select outside dialogs (the shared `choose`, checking the select itself). */
const choose = (page: Page, select: Locator, text: string) =>
  chooseIn(page, select, text, { shownIn: select.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]') });

/** Paragraph texts of a downloaded DOCX. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join(''))
    .join('\n');
}

const status = (page: Page) => page.locator('.ant-card-head-title .ant-tag');

test('a commune reports, the province returns it, the commune resends, the province approves and prints', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const commune = await session(browser, testInfo, 'xa.nhaplieu');
  await commune.goto('/reports/my');
  await expect(commune.getByRole('heading', { name: 'Báo cáo định kỳ' })).toBeVisible();
  await expect(
    commune.locator('#report-template').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText('Báo cáo quý thực hiện Chỉ thị 05-CT/TW');
  await expect(commune.getByRole('cell', { name: 'Quý III/2026' })).toBeVisible();
  await commune.getByRole('button', { name: 'Lập báo cáo' }).click();
  await expect(commune).toHaveURL(/\/reports\/submissions\/[0-9a-f-]{36}$/);
  await expect(status(commune)).toHaveText('Đang soạn');

  await commune.getByLabel('Hội nghị quán triệt, học tập chuyên đề').fill('3');
  await commune.getByLabel('Chi bộ trực thuộc').fill('18');
  await commune.getByLabel('Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt định kỳ').fill('94,5');
  await commune
    .locator('#section-I')
    .fill('Đảng ủy ban hành kế hoạch học tập chuyên đề năm 2026 và tổ chức quán triệt.');
  await commune.getByRole('button', { name: 'Dự thảo nội dung từ số liệu' }).click();
  await expect(commune.locator('#section-II')).not.toHaveValue('');
  await snap(commune, testInfo, 'reports-01-commune-draft');
  await commune.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
  await expect(status(commune)).toHaveText('Đã gửi');
  await expect(commune.getByText(/^\d{2}-BC\/ĐU$/)).toBeVisible();

  // The province reviews the commune's report and returns it with a comment on part II.
  const province = await session(browser, testInfo, 'tinh.quanly');
  await province.goto('/reports/review');
  await expect(province.getByText('Phải báo cáo')).toBeVisible();
  await province.getByRole('link', { name: 'Đảng ủy xã Đầm Dơi' }).click();
  await expect(status(province)).toHaveText('Đã gửi');
  await province.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = province.getByRole('dialog');
  await choose(province, dialog.getByLabel('Về'), 'Ý kiến về phần II. Kết quả thực hiện');
  await dialog.getByLabel('Nội dung 1').fill('Phần kết quả cần nêu rõ số chi bộ sinh hoạt chuyên đề.');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(status(province)).toHaveText('Trả lại');
  await snap(province, testInfo, 'reports-02-province-returned');

  // The commune sees the bell, opens the notice, corrects part II and resends.
  await commune.reload();
  const bell = commune.getByRole('button', { name: /Thông báo \([1-9]\d* chưa đọc\)/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await snap(commune, testInfo, 'reports-03-commune-bell', false);
  await commune.getByText('Tỉnh ủy Cà Mau trả lại báo cáo "Báo cáo quý thực hiện Chỉ thị 05-CT/TW"').first().click();
  await expect(
    commune.locator('.ant-alert').filter({ hasText: 'Phần kết quả cần nêu rõ số chi bộ sinh hoạt chuyên đề.' }),
  ).toBeVisible();
  await expect(status(commune)).toHaveText('Trả lại');
  await commune.locator('#section-II').fill('17/18 chi bộ (94,5%) đưa nội dung chuyên đề vào sinh hoạt định kỳ.');
  await commune.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(status(commune)).toHaveText('Đã gửi');
  await commune.getByRole('button', { name: 'So sánh phiên bản' }).click();
  await expect(commune.getByRole('dialog').getByText('17/18 chi bộ (94,5%)')).toBeVisible();
  await snap(commune, testInfo, 'reports-04-commune-diff');
  await commune.keyboard.press('Escape');

  // The province approves, then prints the aggregate.
  await province.reload();
  await province.getByRole('button', { name: 'Duyệt' }).click();
  await province.getByRole('dialog').getByRole('button', { name: 'Duyệt' }).click();
  await expect(status(province)).toHaveText('Đã duyệt');
  await expect(province.getByText('Báo cáo đã được duyệt và khóa.')).toBeVisible();

  await province.goto('/reports/review');
  await expect(province.getByRole('row', { name: /Đảng ủy xã Đầm Dơi.*Đã duyệt/ })).toBeVisible();
  const [download] = await Promise.all([
    province.waitForEvent('download'),
    province.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).click(),
  ]);
  const file = testInfo.outputPath('tong-hop.docx');
  await download.saveAs(file);
  const text = await docxText(file);
  expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(text).toContain('ĐẢNG BỘ TỈNH CÀ MAU');
  expect(text).toContain('TÌNH HÌNH NỘP BÁO CÁO');
  expect(text).toMatch(/Cà Mau, ngày \d{2} tháng \d{1,2} năm \d{4}/);

  // Completeness of the third quarter: most communes on time, the late ones listed, a reminder sent.
  await choose(province, province.locator('#review-period'), 'Quý III/2026');
  const late = province.getByText(/^Đơn vị chậm nộp \(\d+\)$/);
  await expect(late).toBeVisible();
  await snap(province, testInfo, 'reports-05-province-completeness');
  await province.getByRole('button', { name: 'Nhắc đơn vị chậm' }).click();
  await expect(province.getByText(/^Đã nhắc \d+ đơn vị/)).toBeVisible();
});

test('the interim review drafted from the records carries the article’s sentence', async ({ page }, testInfo) => {
  await signIn(page, 'tinh.xem', DEMO_PASSWORD, '/reports/interim');
  await expect(page.getByLabel('Đơn vị ban hành (mã)')).toHaveValue('96');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải dự thảo DOCX' }).click(),
  ]);
  const file = testInfo.outputPath('so-ket.docx');
  await download.saveAs(file);
  const text = await docxText(file);
  expect(text).toContain(ARTICLE);
  expect(text).toContain('Cà Mau, ngày 20 tháng 8 năm 2019');
  await snap(page, testInfo, 'reports-06-interim-review');
});
