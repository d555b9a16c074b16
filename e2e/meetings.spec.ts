import { choose, expect, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** Today in Vietnam (the server's calendar), as dd/MM/yyyy and as the month's number. */
function today() {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return {
    iso,
    vi: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    month: Number(iso.slice(5, 7)),
    year: iso.slice(0, 4),
  };
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a cell secretary records this month’s meeting with the cell, date, theme and roll pre-filled', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'chibo.bithu', DEMO_PASSWORD, '/meetings/record');
    await expect(page.getByTestId('record-cell-name')).toContainText('Chi bộ');
    await expect(page.getByLabel('Ngày sinh hoạt')).toHaveValue(today().vi);
    // The provincial theme of the year is chosen already, and the roll of the last meeting is filled in.
    await expect(page.getByTestId('theme-select')).toContainText(`05-CT/TW-96-${today().year}`);
    await expect(page.getByLabel('Số đảng viên')).not.toHaveValue('');
    await snap(page, testInfo, 'meetings-phone-form');
    const roll = Number(await page.getByLabel('Số đảng viên').inputValue());
    await page.getByLabel('Có mặt').fill(String(roll - 1));
    await page.getByLabel(/^Vắng 1/).fill('Nguyễn Văn Út: đi làm ăn xa');
    await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
    await expect(page.getByText('Đã ghi buổi sinh hoạt')).toBeVisible();
    // Within a minute for the secretary: two numbers typed and one tap, the rest pre-filled (checked above, not timed:
    // a test measures what the user does, not how fast this machine is), with nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, testInfo, 'meetings-phone-saved');

    // A second regular meeting this month is refused with the rule, under the date.
    await page.getByRole('button', { name: 'Ghi buổi khác' }).click();
    await expect(page.getByText(/Tháng này đã ghi sinh hoạt thường kỳ/)).toBeVisible();
    await page.getByLabel('Có mặt').fill('1');
    await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
    await expect(page.locator('.ant-form-item-explain-error')).toContainText('mỗi tháng một buổi thường kỳ');
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, testInfo, 'meetings-phone-duplicate');
  });
});

test('commune staff fill the grid from the keyboard and see a bad month named', async ({ page }, testInfo) => {
  const { month, year } = today();
  await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD, `/meetings/grid?unit=32152&year=${year}`);
  const grid = page.getByTestId('meetings-grid');
  await expect(grid).toBeVisible();
  // The second cell's row: this month is still empty (the demo stops at last month).
  const row = grid.locator('tbody tr[data-testid^="grid-row-32152-02"]');
  const input = row.getByLabel(new RegExp(`^Có mặt tháng ${month} của`));
  await expect(input).toHaveValue('');
  await input.click();
  await input.pressSequentially('4');
  await input.press('c');
  await expect(row.getByLabel(new RegExp(`^Có đưa chuyên đề tháng ${month} của`))).toBeChecked();
  await input.press('Enter');
  await expect(page.getByText(/Đã lưu 1 tháng của/)).toBeVisible();
  await page.reload();
  await expect(
    grid.locator('tbody tr[data-testid^="grid-row-32152-02"]').getByLabel(new RegExp(`^Có mặt tháng ${month} của`)),
  ).toHaveValue('4');

  // More present than on roll: the month is marked and the message names it; nothing is saved.
  const third = grid.locator('tbody tr[data-testid^="grid-row-32152-03"]');
  const bad = third.getByLabel(new RegExp(`^Có mặt tháng ${month} của`));
  await bad.click();
  await bad.pressSequentially('999');
  await bad.press('Enter');
  await expect(page.locator('[data-testid^="grid-errors-32152-03"]')).toContainText(
    `Tháng ${String(month).padStart(2, '0')}/${year}: Số có mặt (999) lớn hơn số đảng viên`,
  );
  await expect(third.locator('.meetings-grid-error')).toHaveCount(1);
  // Arrow keys move between months and rows.
  await bad.press('ArrowUp');
  await expect(
    grid.locator('tbody tr[data-testid^="grid-row-32152-02"]').getByLabel(new RegExp(`^Có mặt tháng ${month} của`)),
  ).toBeFocused();
  await snap(page, testInfo, 'meetings-grid');
});

test('the figures of a province over the review years, per district, per month, and the cells to follow up', async ({
  page,
}, testInfo) => {
  await signIn(page, 'tinh.xem', DEMO_PASSWORD, '/meetings/stats?unit=96&from=2016-06-01&to=2019-12-31');
  await expect(page.getByTestId('stats-sentence')).toContainText('Tỉnh ủy Cà Mau, từ 01/06/2016 đến 31/12/2019');
  await expect(page.getByTestId('stats-children')).toContainText('Huyện ủy');
  await expect(page.getByTestId('stats-months')).toContainText('06/2016');
  await expect(page.getByTestId('stats-not-met').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await snap(page, testInfo, 'meetings-stats');
  // The themes of one directive only: the choice goes into the address, and the page says what is counted.
  const campaign = page
    .locator('.ant-select', { hasText: 'Chuyên đề của mọi chỉ thị, nghị quyết' })
    .getByRole('combobox');
  await choose(page, campaign, /^05-CT\/TW/, { search: '05-CT', shownIn: page.locator('.ant-select').nth(1) });
  await expect(page).toHaveURL(/campaign=/);
  await expect(page.getByText('Chỉ tính chuyên đề và sinh hoạt chuyên đề thuộc 05-CT/TW.')).toBeVisible();
  await snap(page, testInfo, 'meetings-stats-campaign', false);
  await expect(page.getByTestId('stats-sentence')).toContainText('Tỉnh ủy Cà Mau, từ 01/06/2016 đến 31/12/2019');
});

test('a meeting from the list opens with its minutes attached', async ({ page }, testInfo) => {
  await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD, '/meetings');
  const table = page.getByTestId('meetings-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await table.locator('tbody tr.ant-table-row').first().click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('meeting-details')).toContainText('Có mặt');
  const upload = page.getByTestId('documents-panel').locator('input[type=file]');
  await upload.setInputFiles({
    name: 'bien-ban-sinh-hoat.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await expect(page.getByTestId('documents-panel')).toContainText('bien-ban-sinh-hoat.pdf');
  await snap(page, testInfo, 'meetings-detail');
});
