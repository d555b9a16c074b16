import { expect, pickOption, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test.describe('as the provincial manager', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'tinh.quanly', DEMO_PASSWORD);
  });

  test('opens Directive 05-CT/TW and sees its links and yearly themes', async ({ page }, testInfo) => {
    await page.goto('/campaigns');
    await expect(page.getByRole('heading', { name: 'Chỉ thị, nghị quyết và chuyên đề' })).toBeVisible();
    const table = page.getByTestId('campaigns-table');
    await expect(table.getByRole('link', { name: '05-CT/TW', exact: true })).toBeVisible();
    await expect(table).toContainText('07-KH/TU');
    await snap(page, testInfo, 'campaigns-list');

    // Without diacritics, every word matched; the campaign whose number matches comes first.
    const rows = table.locator('tr.ant-table-row');
    const before = await rows.count();
    await page.getByTestId('campaign-search').fill('chi thi 05');
    await expect(rows.first()).toContainText('05-CT/TW');
    await expect(rows).not.toHaveCount(before);
    await snap(page, testInfo, 'campaigns-search', false);
    await rows.first().getByRole('link', { name: '05-CT/TW', exact: true }).click();

    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: '05-CT/TW' })).toBeVisible();
    await expect(page.getByText('Văn bản của cấp trên — bạn chỉ xem')).toBeVisible();
    const links = page.getByTestId('campaign-links');
    await expect(links.getByRole('row').filter({ hasText: '01-KL/TW' })).toContainText('Được tiếp tục bởi');
    await expect(links.getByRole('row').filter({ hasText: '03-CT/TW' })).toContainText('Tiếp tục');
    await expect(links.getByRole('row').filter({ hasText: '04-NQ/TW' })).toContainText('Thực hiện cùng');
    await expect(links.getByRole('row').filter({ hasText: '07-KH/TU' })).toContainText('Được triển khai bởi');
    const themes = page.getByTestId('campaign-themes');
    await expect(themes.locator('tr.ant-table-row')).toHaveCount(6);
    const theme2019 = themes.getByRole('row').filter({ hasText: '05-CT/TW-2019' });
    await expect(theme2019).toContainText('01/01/2019 – 31/12/2019');
    await expect(theme2019).toContainText('tôn trọng Nhân dân');
    await snap(page, testInfo, 'campaign-page');

    await theme2019.getByRole('link', { name: '05-CT/TW-2019' }).click();
    await expect(page.getByRole('heading', { name: '05-CT/TW-2019' })).toBeVisible();
    await expect(page.locator('.ant-breadcrumb')).toContainText('05-CT/TW');
    await snap(page, testInfo, 'theme-page');
  });

  test('attaches the plan’s text to 07-KH/TU and adds a theme to it', async ({ page }, testInfo) => {
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-table').getByRole('link', { name: '07-KH/TU', exact: true }).click();
    await expect(page.getByRole('heading', { name: '07-KH/TU' })).toBeVisible();

    const panel = page.getByTestId('documents-panel');
    await panel.locator('input[type=file]').setInputFiles({
      name: 'Kế hoạch 07-KH-TU.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect(panel.getByRole('link', { name: 'Kế hoạch 07-KH-TU.pdf' })).toBeVisible();
    const download = page.waitForEvent('download');
    await panel.getByRole('link', { name: 'Kế hoạch 07-KH-TU.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('Kế hoạch 07-KH-TU.pdf');

    await page.getByRole('button', { name: 'Thêm chuyên đề' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã chuyên đề').fill('07-KH/TU-2017');
    await dialog.getByLabel('Tên chuyên đề').fill('Học tập và làm theo Bác về phòng, chống suy thoái ở Cà Mau');
    for (const [label, value] of [
      ['Bắt đầu', '01/01/2017'],
      ['Kết thúc', '31/12/2017'],
    ]) {
      const input = dialog.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Enter');
    }
    await snap(page, testInfo, 'theme-form', false);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('campaign-themes')).toContainText('07-KH/TU-2017');
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, testInfo, 'campaign-plan-page');
  });

  test('adds a provincial plan through the form', async ({ page }, testInfo) => {
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'Thêm văn bản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số, ký hiệu').fill('12-KH/TU');
    await dialog.getByLabel('Loại', { exact: true }).click();
    await pickOption(page, /^Kế hoạch$/);
    await dialog.getByLabel('Trích yếu').fill('Kế hoạch thực hiện chuyên đề năm 2026 của Tỉnh ủy Cà Mau');
    await dialog.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Tỉnh ủy Cà Mau');
    const issued = dialog.getByLabel('Ngày ban hành');
    await issued.fill('02/01/2026');
    await issued.press('Enter');
    await dialog.getByLabel('Phạm vi áp dụng').click();
    await pickOption(page, /Tỉnh ủy Cà Mau/);
    await snap(page, testInfo, 'campaign-form', false);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { name: '12-KH/TU' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sửa văn bản' })).toBeVisible();
  });
});

test('a commune editor reads the national directive too', async ({ page }) => {
  await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD, '/campaigns');
  await expect(page.getByTestId('campaigns-table').getByRole('link', { name: '05-CT/TW', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm văn bản' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the campaign page fits 360 px', async ({ page }, testInfo) => {
    await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/campaigns');
    await page.getByTestId('campaigns-table').getByRole('link', { name: '05-CT/TW', exact: true }).click();
    await expect(page.getByRole('heading', { name: '05-CT/TW' })).toBeVisible();
    await expect(page.getByTestId('campaign-themes').locator('tr.ant-table-row')).toHaveCount(6);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await snap(page, testInfo, 'campaign-page-phone');
  });
});
