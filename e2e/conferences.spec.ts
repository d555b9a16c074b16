import type { Browser, Page } from '@playwright/test';
import { CHECK_IN_QR_PREFIX } from '../common/conferences';
import { writeQrVideo } from './qr-video';
import { ADMIN, choose as chooseIn, expect, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

// Several signed-in browsers at once on a shared 2-core machine: sign-ins (Argon2) and first loads take a while.
test.describe.configure({ timeout: 180_000 });
const PROVINCIAL =
  'Hội nghị trực tuyến sơ kết 10 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị trên địa bàn tỉnh Cà Mau';

/** Picks in the select labelled `label` of the open dialog (typing `search` first). */
const choose = (page: Page, label: string, text: string | RegExp, search?: string) =>
  chooseIn(page, page.getByRole('dialog').getByLabel(label, { exact: true }), text, { search });

async function signedInPage(browser: Browser, username: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD);
  return page;
}

/** The board row of a point: filtered first, since the virtual table renders only the rows in view. */
async function boardRow(page: Page, name: string) {
  await page.getByPlaceholder('Lọc theo tên điểm cầu').fill(name);
  return page.locator('.ant-table-row').filter({ hasText: name });
}

async function openConference(page: Page, title: string) {
  await page.goto('/conferences');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('the organiser creates a conference, invites every commune under the province, and watches the board', async ({
  page,
}, testInfo) => {
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/conferences');
  await expect(page.getByRole('link', { name: PROVINCIAL })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo hội nghị' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên hội nghị').fill('Hội nghị trực tuyến quán triệt chuyên đề năm 2027');
  await choose(page, 'Đơn vị tổ chức', 'Tỉnh ủy Cà Mau', 'ca mau');
  for (const [label, value] of [
    ['Bắt đầu', '15/01/2027 08:00'],
    ['Kết thúc', '15/01/2027 11:00'],
  ]) {
    const input = dialog.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await expect(input).toHaveValue(value);
  }
  await dialog.getByLabel('Điểm cầu chính').fill('Hội trường Tỉnh ủy Cà Mau');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Hội nghị trực tuyến quán triệt chuyên đề năm 2027' })).toBeVisible();

  await page.getByRole('button', { name: 'Mời điểm cầu' }).click();
  await choose(page, 'Loại đơn vị', 'Đảng ủy xã, phường');
  await choose(page, 'Trực thuộc', 'Tỉnh ủy Cà Mau', 'ca mau');
  await page.getByRole('dialog').getByLabel('Số người dự kiến mỗi điểm').fill('40');
  await snap(page, testInfo, 'conferences-invite');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByText('Đã mời 64 điểm cầu')).toBeVisible();
  await expect(page.getByText('Điểm cầu (64)')).toBeVisible();
  await snap(page, testInfo, 'conferences-conference-page');

  await page.getByRole('button', { name: 'Bảng theo dõi trực tiếp' }).click();
  await expect(page.getByTestId('board-live')).toContainText('Đang cập nhật trực tiếp');
  await expect(page.getByTestId('total-connected')).toHaveText('0');
  await expect(page.getByText('/ 2.560')).toBeVisible();
  await snap(page, testInfo, 'conferences-board-new');
});

test('two bridge points change status and check people in; the board shows it without reload', async ({
  page,
  browser,
}, testInfo) => {
  // The organiser's board on the demo conference over the 64 communes.
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD);
  await openConference(page, PROVINCIAL);
  await page.getByRole('button', { name: 'Bảng theo dõi trực tiếp' }).click();
  await expect(page.getByTestId('board-live')).toContainText('Đang cập nhật trực tiếp');
  await expect(page.getByTestId('total-connected')).toHaveText('0');
  let reloads = 0;
  page.on('framenavigated', () => reloads++);

  // Bridge point 1: Đầm Dơi's own staff.
  const commune = await signedInPage(browser, 'xa.nhaplieu');
  await openConference(commune, PROVINCIAL);
  await commune.getByRole('link', { name: 'Đảng ủy xã Đầm Dơi' }).first().click();
  await commune.getByRole('button', { name: 'Đang kết nối' }).click();
  await expect(page.getByTestId('total-connected')).toHaveText('1');
  await expect(await boardRow(page, 'Đảng ủy xã Đầm Dơi')).toContainText('Đang kết nối');
  await page.getByPlaceholder('Lọc theo tên điểm cầu').fill('');

  // Bridge point 2: another commune, seen by the province's data-entry staff, reports a problem.
  const other = await signedInPage(browser, 'tinh.nhaplieu');
  // Through the board, where the province staff find any point by name.
  await other.goto(page.url());
  const secondName = 'Đảng ủy xã Cái Nước';
  await (await boardRow(other, secondName)).getByRole('link', { name: secondName }).click();
  await expect(other.getByRole('heading', { name: secondName })).toBeVisible();
  await other.getByRole('button', { name: 'Gặp sự cố' }).click();
  await other.getByTestId('problem-note').fill('Mất tín hiệu âm thanh');
  await other.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(page.getByTestId('total-problems')).toHaveText('1');
  // Problems on top.
  await expect(page.locator('.ant-table-row').first()).toContainText('Mất tín hiệu âm thanh');

  // Check-ins at Đầm Dơi appear on the board.
  const presentBefore = Number((await page.getByTestId('total-present').textContent())!.replace(/\./g, ''));
  // One at a time: a second click before the roster re-renders would land on the same person.
  await commune.getByRole('button', { name: 'Điểm danh', exact: true }).first().click();
  await expect(page.getByTestId('total-present')).toHaveText(String(presentBefore + 1));
  await expect(commune.getByRole('button', { name: 'Hủy điểm danh' })).not.toHaveCount(0);
  const undoBefore = await commune.getByRole('button', { name: 'Hủy điểm danh' }).count();
  await commune.getByRole('button', { name: 'Điểm danh', exact: true }).first().click();
  await expect(commune.getByRole('button', { name: 'Hủy điểm danh' })).toHaveCount(undoBefore + 1);
  await expect(page.getByTestId('total-present')).toHaveText(String(presentBefore + 2));
  await expect(await boardRow(page, 'Đảng ủy xã Đầm Dơi')).toContainText(/Đang kết nối\s*2/);
  await page.getByPlaceholder('Lọc theo tên điểm cầu').fill('');
  await snap(commune, testInfo, 'conferences-bridge-page');
  await snap(page, testInfo, 'conferences-board-live');
  expect(reloads).toBe(0);
  await commune.context().close();
  await other.context().close();
});

test('the check-in page works on a 360 px phone: search, walk-in and head count', async ({ browser }, testInfo) => {
  const phone = await signedInPage(browser, 'xa.nhaplieu', { width: 360, height: 740 });
  await openConference(phone, PROVINCIAL);
  await phone.getByRole('button', { name: 'Điểm danh (điện thoại)' }).first().click();
  await expect(phone.getByRole('heading', { name: 'Điểm danh' })).toBeVisible();
  const before = Number(await phone.getByTestId('present-count').textContent());
  // Search without diacritics for someone on the roster.
  const roster = await phone.request.get(
    phone
      .url()
      .replace(/\/conferences\/([^/]+)\/bridges\/([^/]+)\/check-in$/, '/api/v1/conferences/$1/bridges/$2/attendees'),
  );
  const waiting = ((await roster.json()).items as { fullName: string; checkedInAt: string | null }[]).find(
    (a) => !a.checkedInAt,
  )!;
  const folded = waiting.fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  await phone.getByTestId('checkin-search').locator('input').fill(folded);
  const item = phone.locator('.ant-list-item').filter({ hasText: waiting.fullName }).first();
  await item.getByRole('button', { name: 'Điểm danh' }).click();
  await expect(phone.getByText(`Đã điểm danh: ${waiting.fullName}`)).toBeVisible();
  await expect(phone.getByTestId('present-count')).toHaveText(String(before + 1));
  await snap(phone, testInfo, 'conferences-checkin-phone-search');
  await phone.getByRole('button', { name: 'Người đến trực tiếp' }).click();
  await phone.getByRole('dialog').getByLabel('Họ và tên').fill('Phan Thị Lụa');
  await phone.getByRole('dialog').getByRole('button', { name: 'Thêm và điểm danh' }).click();
  await expect(phone.getByTestId('present-count')).toHaveText(String(before + 2));
  await expect(phone.getByRole('dialog')).toBeHidden();
  const noHorizontalScroll = await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  expect(noHorizontalScroll).toBe(true);
  await snap(phone, testInfo, 'conferences-checkin-phone');
  await phone.getByTestId('head-count').fill('150');
  await phone.getByRole('button', { name: 'Lưu' }).click();
  await expect(phone.getByTestId('present-count')).toHaveText('150');
  await phone.context().close();
});

test('the phone camera reads an invitation’s QR code and checks its guest in', async ({
  browser: desk,
  playwright,
  baseURL,
}, testInfo) => {
  // Someone on the roster who has not arrived, and the point's check-in page.
  const staff = await signedInPage(desk, 'xa.nhaplieu');
  await openConference(staff, PROVINCIAL);
  await staff.getByRole('button', { name: 'Điểm danh (điện thoại)' }).first().click();
  const rosterUrl = staff
    .url()
    .replace(/\/conferences\/([^/]+)\/bridges\/([^/]+)\/check-in$/, '/api/v1/conferences/$1/bridges/$2/attendees');
  const roster = await staff.request.get(rosterUrl);
  const guest = ((await roster.json()).items as { fullName: string; checkedInAt: string | null; token: string }[]).find(
    (a) => !a.checkedInAt && a.token,
  )!;
  const checkInUrl = staff.url();
  await staff.context().close();

  // A browser of its own whose camera films the printed invitation: Chromium's fake camera plays a Y4M of its QR code.
  const config = testInfo.project.use.launchOptions ?? {};
  const video = testInfo.outputPath('invitation-qr.y4m');
  writeQrVideo(video, `${CHECK_IN_QR_PREFIX}${guest.token}`);
  const browser = await playwright.chromium.launch({
    ...config,
    args: [
      ...(config.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    permissions: ['camera'],
  });
  const phone = await context.newPage();
  await signIn(phone, 'xa.nhaplieu', DEMO_PASSWORD, new URL(checkInUrl).pathname);
  await phone.getByRole('button', { name: 'Quét mã QR' }).click();
  await expect(phone.getByText(`Đã điểm danh: ${guest.fullName}`)).toBeVisible();
  // The roster now has the guest arrived (the count on screen may be the hall's head count, entered earlier).
  const after = await phone.request.get(rosterUrl);
  const arrived = ((await after.json()).items as { token: string; checkedInAt: string | null }[]).find(
    (a) => a.token === guest.token,
  );
  expect(arrived?.checkedInAt).toBeTruthy();
  await snap(phone, testInfo, 'conferences-checkin-qr-camera', false);
  await browser.close();
});

test('afterwards: the drafted attendance paragraph and the news draft are editable', async ({ page }, testInfo) => {
  await signIn(page, ADMIN.username, ADMIN.password, '/conferences');
  await page.getByRole('link', { name: /sơ kết 03 năm/ }).click();
  await page.getByRole('link', { name: 'Tỉnh ủy Cà Mau' }).first().click();
  await expect(page.getByTestId('attendance-text')).toHaveValue(
    /^Tham dự Hội nghị tại điểm cầu Cà Mau, có các đồng chí thành viên Ban Chấp hành Đảng bộ tỉnh/,
  );
  await snap(page, testInfo, 'conferences-attendance-paragraph');
  await page.goBack();
  await expect(page.getByTestId('news-text')).toHaveValue(/^Sáng ngày 20\/8\/2019, Tỉnh ủy Cà Mau tổ chức/);
  await snap(page, testInfo, 'conferences-afterwards');
});

test('the administrator adds, renames and retires an attendee category', async ({ page }, testInfo) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/conferences');
  await page.getByRole('button', { name: 'Thành phần tham dự' }).click();
  await expect(page.getByRole('heading', { name: 'Thành phần tham dự' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm thành phần' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên (tiếng Việt)').fill('Đại biểu khách mời');
  await dialog.getByLabel('Tên tiếng Anh').fill('Invited guests');
  await dialog.getByLabel('Mã').fill('khach_moi');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-table-row').filter({ hasText: 'Đại biểu khách mời' })).toContainText('Đang dùng');

  await page
    .locator('.ant-table-row')
    .filter({ hasText: 'Đại biểu khách mời' })
    .getByRole('button', { name: 'Sửa' })
    .click();
  await dialog.getByLabel('Tên (tiếng Việt)').fill('Đại biểu khách mời của Tỉnh ủy');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('.ant-table-row').filter({ hasText: 'Đại biểu khách mời của Tỉnh ủy' });
  await row.getByRole('button', { name: 'Ngừng dùng' }).click();
  await expect(row).toContainText('Đã ngừng dùng');
  await expect(row.getByRole('button', { name: 'Dùng lại' })).toBeVisible();
  // The click scrolled the page; a full-page shot from there draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, 'conferences-categories');
});
