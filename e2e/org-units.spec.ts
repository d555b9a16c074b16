import { expandNode, expect, setAtDate, signIn, snap, test, treeNode } from './support';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('today the merged Tỉnh ủy Cà Mau has 64 commune committees and 4 committees under it', async ({
  page,
}, testInfo) => {
  await expect(treeNode(page, 'Trung ương')).toBeVisible();
  const children = await expandNode(page, 'Tỉnh ủy Cà Mau');
  await expect(children).toHaveCount(68);
  await expect(page.locator('.org-node').filter({ hasText: /^Huyện ủy/ })).toHaveCount(0);
  await snap(page, testInfo, 'org-tree-today', false);
});

test('searching "dam doi" without diacritics finds Huyện ủy Đầm Dơi, closed since 01/07/2025', async ({
  page,
}, testInfo) => {
  await page.getByTestId('unit-search').fill('dam doi');
  const results = page.getByTestId('search-results');
  const item = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Huyện ủy Đầm Dơi' }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Hết hiệu lực từ 01/07/2025');
  await snap(page, testInfo, 'org-search');

  await page.getByRole('checkbox').check();
  await expect(results.getByRole('link', { name: 'Huyện ủy Đầm Dơi' })).toHaveCount(0);
});

test('on 15/05/2019 Tỉnh ủy Cà Mau has 9 district committees, Đầm Dơi among them', async ({ page }, testInfo) => {
  await setAtDate(page, 'Xem cơ cấu tại ngày', '15/05/2019');
  await expect(page).toHaveURL(/at=2019-05-15/);
  await expect(treeNode(page, 'Tỉnh ủy Bạc Liêu')).toBeVisible();
  const children = await expandNode(page, 'Tỉnh ủy Cà Mau');
  const districts = children.filter({ has: page.getByRole('link', { name: /^(Huyện|Thành|Thị) ủy / }) });
  await expect(districts).toHaveCount(9);
  await expect(districts.getByRole('link', { name: 'Huyện ủy Đầm Dơi', exact: true })).toBeVisible();
  await snap(page, testInfo, 'org-tree-2019', false);

  // The date is in the URL: the view can be shared and survives a reload.
  await page.reload();
  await expect(page.getByLabel('Xem cơ cấu tại ngày')).toHaveValue('15/05/2019');
  await expect(treeNode(page, 'Tỉnh ủy Bạc Liêu')).toBeVisible();
});

test('a unit page shows its place, names, successors and children', async ({ page }, testInfo) => {
  await setAtDate(page, 'Xem cơ cấu tại ngày', '15/05/2019');
  await expandNode(page, 'Tỉnh ủy Cà Mau');
  await page.getByRole('link', { name: 'Huyện ủy Đầm Dơi', exact: true }).click();
  await expect(page).toHaveURL(/\/org-units\/[0-9a-f-]{36}\?at=2019-05-15/);
  await expect(page.getByRole('heading', { name: 'Huyện ủy Đầm Dơi' })).toBeVisible();
  const breadcrumb = page.locator('.ant-breadcrumb');
  await expect(breadcrumb).toContainText('Trung ương');
  await expect(breadcrumb).toContainText('Tỉnh ủy Cà Mau');
  await expect(page.getByText('970', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('successors')).toContainText('Tỉnh ủy Cà Mau');
  await expect(page.getByTestId('successors')).toContainText('01/07/2025');
  await expect(page.getByTestId('unit-children').locator('tr.ant-table-row').first()).toBeVisible();
  await snap(page, testInfo, 'org-unit-page');

  await breadcrumb.getByRole('link', { name: 'Tỉnh ủy Cà Mau' }).click();
  await expect(page.getByRole('heading', { name: 'Tỉnh ủy Cà Mau' })).toBeVisible();
  await expect(page.getByTestId('unit-children')).toContainText('Huyện ủy Đầm Dơi');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the tree page fits 360 px and the menu opens as a drawer', async ({ page }, testInfo) => {
    await expandNode(page, 'Tỉnh ủy Cà Mau');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await snap(page, testInfo, 'org-tree-phone', false);
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await expect(page.getByRole('dialog').getByText('Người dùng')).toBeVisible();
    // The drawer slides in; the screenshot waits until it has arrived.
    await expect.poll(async () => (await page.locator('.ant-drawer-content-wrapper').boundingBox())?.x).toBe(0);
    await snap(page, testInfo, 'menu-phone', false);
  });
});
