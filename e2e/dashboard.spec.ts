import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, pickOption, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** Signs in and stays on the landing page, the dashboard of the user's own unit. */
async function signInToDashboard(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await chartsReady(page);
}

/** Waits until the overview is shown and every chart has been drawn. */
async function chartsReady(page: Page): Promise<void> {
  await expect(page.getByTestId('card-commendations')).toBeVisible();
  for (const chart of ['chart-trend', 'chart-children', 'chart-levels', 'chart-fields']) {
    await expect(page.getByTestId(chart).locator('[data-ready="true"]')).toHaveCount(1);
  }
}

test('a province lands on its dashboard: figures, charts, ranked communes, a drill-down', async ({
  page,
}, testInfo) => {
  await signInToDashboard(page, 'tinh.xem');
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('Tỉnh ủy Cà Mau (96)');
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('theo cơ cấu hiện nay');
  const children = page.getByTestId('children-table');
  await expect(children.locator('tbody tr')).not.toHaveCount(0);
  // The demo's cells meet monthly: the regular-meeting share is a percentage, and its meetings open as a list.
  await expect(page.getByTestId('figure-meetings-regular-share')).toHaveText(/^\d{1,3}(,\d)? %$/);
  await page.getByTestId('figure-meetings-regular').click();
  const shown = (await page.getByTestId('figure-meetings-regular').innerText()).replace(/\./g, '');
  await expect(page.getByRole('dialog').getByTestId('records-total')).toHaveText(
    `${Number(shown).toLocaleString('vi-VN')} bản ghi`,
  );
  await page.keyboard.press('Escape');
  await snap(page, testInfo, 'dashboard-province');

  // The interim period on today's structure: both old provinces' records, carried to the merged province.
  await page.getByTestId('dashboard-preset').click();
  await pickOption(page, 'Sơ kết 3 năm');
  await expect(page).toHaveURL(/period=interim/);
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('từ 15/05/2016 đến 20/08/2019');
  await chartsReady(page);
  const currentDistrict = Number(
    (await page.getByTestId('figure-commendations-district-collective').innerText()).replace(/\./g, ''),
  );
  expect(currentDistrict).toBeGreaterThan(281);
  await snap(page, testInfo, 'dashboard-interim-current');

  // A commune of today opens its own dashboard.
  const first = children.locator('tbody tr').first().getByRole('link');
  const name = await first.innerText();
  await first.click();
  await expect(page.getByTestId('dashboard-subtitle')).toContainText(name);
  await expect(page.locator('.dashboard-breadcrumb')).toContainText('Tỉnh ủy Cà Mau');
});

test('the article’s figures as recorded, a list that matches its figure, and its XLSX', async ({ page }, testInfo) => {
  await signInToDashboard(page, 'tinh.xem');
  await page.goto('/dashboard?unit=96&period=interim&structure=recorded');
  await chartsReady(page);
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('theo cơ cấu khi ghi nhận');
  const figure = (level: string, type: string) => page.getByTestId(`figure-commendations-${level}-${type}`);
  await expect(figure('district', 'collective')).toHaveText('281');
  await expect(figure('district', 'individual')).toHaveText('410');
  await expect(figure('province', 'collective')).toHaveText('46');
  await expect(figure('province', 'individual')).toHaveText('56');
  await expect(figure('central', 'collective')).toHaveText('2');
  await expect(figure('central', 'individual')).toHaveText('2');
  await expect(page.getByTestId('dashboard-closed')).toContainText('Tỉnh ủy Cà Mau');
  await snap(page, testInfo, 'dashboard-interim-recorded');

  // The 46 province-level collectives are 46 rows.
  await figure('province', 'collective').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('records-total')).toHaveText('46 bản ghi');
  await expect(drawer.getByTestId('records-table').locator('.ant-table-row')).toHaveCount(20);
  await expect(drawer.locator('.ant-pagination')).toContainText('3');
  await snap(page, testInfo, 'dashboard-records', false);
  const href = await drawer.getByTestId('records-export').getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.rowCount - 4).toBe(46);
  expect(String(sheet.getCell('A2').value)).toContain('Tỉnh ủy Cà Mau (96), từ 15/05/2016 đến 20/08/2019');
  await page.keyboard.press('Escape');
});

test('a dissolved district in 2019, and the structure switch for it', async ({ page }, testInfo) => {
  await signInToDashboard(page, 'tinh.xem');
  await page.goto('/dashboard?unit=96&period=interim&structure=recorded');
  await chartsReady(page);
  await page.getByTestId('children-table').getByRole('link', { name: 'Huyện ủy Đầm Dơi' }).click();
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('Huyện ủy Đầm Dơi (970)');
  await page.getByTestId('dashboard-preset').click();
  await pickOption(page, 'Tùy chọn');
  const range = page.getByLabel('Thời gian').first();
  await expect(range).toBeVisible();
  await page.goto(
    page
      .url()
      .replace(/from=[^&]*/, 'from=2019-01-01')
      .replace(/to=[^&]*/, 'to=2019-12-31'),
  );
  await chartsReady(page);
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('từ 01/01/2019 đến 31/12/2019');
  await expect(page.getByTestId('dashboard-closed')).toContainText('30/06/2025');
  await expect(page.getByTestId('dashboard-closed')).toContainText('Tỉnh ủy Cà Mau');
  await expect(page.getByTestId('children-table')).toContainText('Đảng ủy thị trấn Đầm Dơi');
  const total = page.getByTestId('figure-commendations-total');
  await expect(total).not.toHaveText('0');
  await snap(page, testInfo, 'dashboard-dissolved-district-2019');

  // Today's structure has no Huyện ủy Đầm Dơi: the page says where its records went and offers the other view.
  await page.getByTestId('dashboard-structure').getByText('Hiện nay').click();
  await expect(page.getByTestId('dashboard-error')).toContainText(
    'Huyện ủy Đầm Dơi đã kết thúc hoạt động ngày 30/06/2025',
  );
  await snap(page, testInfo, 'dashboard-dissolved-district-current');
  await page.getByRole('button', { name: 'Xem theo cơ cấu khi ghi nhận' }).click();
  await chartsReady(page);
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('Huyện ủy Đầm Dơi (970)');
});

test('a commune sees its cells and what it inherited', async ({ page }, testInfo) => {
  await signInToDashboard(page, 'xa.xem');
  await expect(page.getByTestId('dashboard-subtitle')).toContainText('Đảng ủy xã Đầm Dơi (32152)');
  await page.getByTestId('dashboard-preset').click();
  await pickOption(page, '3 năm gần đây');
  await chartsReady(page);
  await expect(page.getByTestId('children-table')).toContainText('Chi bộ');
  await snap(page, testInfo, 'dashboard-commune');
  const current = await page.getByTestId('figure-commendations-total').innerText();
  await page.getByTestId('dashboard-structure').getByText('Khi ghi nhận').click();
  await expect(page).toHaveURL(/structure=recorded/);
  await chartsReady(page);
  // As recorded the commune exists only from 1/7/2025: the old communes' records are not its own.
  const recorded = await page.getByTestId('figure-commendations-total').innerText();
  expect(Number(recorded.replace(/\./g, ''))).toBeLessThanOrEqual(Number(current.replace(/\./g, '')));
  await snap(page, testInfo, 'dashboard-commune-recorded');
});

test('inspections and recommendations: each figure opens a list of as many records', async ({ page }, testInfo) => {
  await signInToDashboard(page, 'tinh.xem');
  await page.goto('/dashboard?unit=96&period=interim&structure=recorded');
  await chartsReady(page);
  const numberOf = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\./g, ''));
  const total = await numberOf('figure-inspections-total');
  expect(total).toBeGreaterThan(0);
  let cells = 0;
  for (const kind of ['inspection', 'supervision']) {
    for (const form of ['thematic', 'regular']) {
      cells += await numberOf(`figure-inspections-${kind}-${form}`);
    }
  }
  expect(cells).toBe(total);
  expect(await numberOf('figure-recommendations-total')).toBeGreaterThan(0);
  await expect(page.getByTestId('card-recommendations')).toContainText('Quá hạn (đến ');
  await page.getByTestId('card-inspections').scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'dashboard-inspections', false);
  for (const testId of ['figure-inspections-total', 'figure-recommendations-total', 'figure-recommendations-overdue']) {
    const shown = await numberOf(testId);
    if (shown === 0) {
      continue;
    }
    await page.getByTestId(testId).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('records-total')).toHaveText(`${shown.toLocaleString('vi-VN')} bản ghi`);
    if (testId === 'figure-recommendations-overdue') {
      await expect(drawer.getByTestId('records-table')).toContainText('Quá hạn');
      await snap(page, testInfo, 'dashboard-recommendations-overdue', false);
    }
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }
});
