import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { choose, expect, signIn, snap, test } from './support';

const DEMO_PASSWORD = 'lantoa-demo';

/** A small solid-colour PNG (the photo of a model), built here so the test needs no binary fixture. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) {
      c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from(rgb))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Waits until the list is neither loading nor fading back in, so a screenshot shows it as a user would. */
async function listSettled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await expect
    .poll(() =>
      page
        .locator('.ant-spin-container')
        .first()
        .evaluate((node) => getComputedStyle(node).opacity),
    )
    .toBe('1');
}

/** Types a date (dd/MM/yyyy) into the date picker of a form field and confirms it. */
async function fillDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddmmyyyy);
}

/** Opens a select of the open dialog by its label, types to search, and picks the option. */
/** Picks `text` in the dialog's select labelled `label` (typing `search` first), again if the click was lost. */
function chooseIn(page: Page, label: string, text: string | RegExp, search?: string): Promise<void> {
  return choose(page, page.getByRole('dialog').getByLabel(label, { exact: true }), text, { search });
}

test('the registry shows cards and a table, counts by status, and finds "Dân vận khéo" without diacritics', async ({
  page,
}, testInfo) => {
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/models');
  await expect(page.getByRole('heading', { name: 'Mô hình, điển hình và cách làm hay' })).toBeVisible();
  await page.locator('.ant-segmented-item').filter({ hasText: 'Dạng thẻ' }).click();
  await expect(page.getByTestId('model-card').first()).toBeVisible();
  await expect(page.getByTestId('status-replicated')).toContainText(/\d/);
  await listSettled(page);
  await snap(page, testInfo, 'models-registry-cards', false);

  await page.getByTestId('model-search').fill('dan van kheo');
  await expect(page).toHaveURL(/q=dan\+van\+kheo|q=dan%20van%20kheo/);
  await expect(page.getByTestId('model-card').first()).toContainText('Dân vận khéo');

  await page.locator('.ant-segmented-item').filter({ hasText: 'Dạng bảng' }).click();
  await expect(page.getByTestId('models-table').locator('tr.ant-table-row').first()).toContainText('Dân vận khéo');
  await snap(page, testInfo, 'models-registry-table', false);

  // The view is remembered between visits.
  await page.goto('/models');
  await expect(page.getByTestId('models-table')).toBeVisible();
  await page.locator('.ant-segmented-item').filter({ hasText: 'Dạng thẻ' }).click();
});

test('a model is registered and goes through its life: proposed → recognised → replicated → archived', async ({
  page,
}, testInfo) => {
  const title = `Mô hình "Dân vận khéo" thử nghiệm ${Date.now()}`;
  await signIn(page, 'tinh.quanly', DEMO_PASSWORD, '/models');
  await page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên mô hình').fill(title);
  await chooseIn(page, 'Lĩnh vực', 'Dân vận');
  await fillDate(page, 'Ngày bắt đầu', '01/08/2025');
  await chooseIn(page, 'Đơn vị', 'Đảng ủy xã Đầm Dơi', 'dam doi');
  await dialog.getByLabel('Nội dung, cách làm').fill('Cán bộ, đảng viên đến từng hộ vận động hiến đất làm đường.');
  await dialog.getByLabel('Kết quả đạt được').fill('Làm mới 3 km đường bê tông.');
  await chooseIn(page, 'Văn bản chỉ đạo', /^05-CT\/TW/, '05-CT');
  await dialog.getByLabel('Tên mô hình').click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page).toHaveURL(/\/models\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Đề xuất' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Công nhận' }).click();
  await chooseIn(page, 'Cấp công nhận', 'Cấp tỉnh');
  await page.getByRole('dialog').getByRole('button', { name: 'Công nhận' }).click();
  await expect(page.getByText('Đã công nhận mô hình')).toBeVisible();
  await expect(page.getByTestId('model-timeline')).toContainText('Đề xuất → Đã công nhận');

  await page.getByRole('button', { name: 'Thêm đơn vị nhân rộng' }).click();
  await chooseIn(page, 'Đơn vị nhân rộng', 'Đảng ủy xã Tạ An Khương', 'ta an khuong');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('replications')).toContainText('Đảng ủy xã Tạ An Khương');
  await expect(page.getByTestId('model-timeline')).toContainText('Đã công nhận → Đã nhân rộng');

  const upload = page.getByTestId('documents-panel').locator('input[type=file]');
  await upload.setInputFiles({
    name: 'hien-dat-lam-duong.png',
    mimeType: 'image/png',
    buffer: png(320, 200, [214, 40, 40]),
  });
  await expect(page.getByTestId('model-photos').locator('img')).toHaveCount(1);
  await expect(page.getByTestId('model-info')).toContainText('05-CT/TW');
  await snap(page, testInfo, 'models-page');

  await page.getByRole('button', { name: 'Lưu trữ' }).click();
  await page.getByRole('dialog').getByLabel('Lý do lưu trữ').fill('Đã tổng kết, kết thúc mô hình theo kế hoạch.');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu trữ' }).click();
  await expect(page.getByText('Đã lưu trữ mô hình')).toBeVisible();
  await expect(page.getByTestId('model-timeline')).toContainText('Đã nhân rộng → Lưu trữ');
  await expect(page.getByRole('button', { name: 'Công nhận' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await snap(page, testInfo, 'models-page-archived', false);
});

test('an import file with errors is refused with every bad cell listed; a good one is added', async ({
  page,
}, testInfo) => {
  await signIn(page, 'tinh.nhaplieu', DEMO_PASSWORD, '/models');
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog');
  const header = 'title,kind,unit_code,field,start_date,status,description,results,campaign_codes,people';
  const bad = [
    header,
    'Tuyến đường hoa ấp Tân Điền,Mô hình tập thể,32152,Môi trường,15/09/2025,,,,05-CT/TW,',
    'Gương sáng,Gương cá nhân điển hình,32152,Kinh tế,31/02/2025,,,,,',
    'Mô hình lạ,tượng đài,99999,Thể thao,2025-09-01,,,,99-XX/TW,',
  ].join('\n');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'mo-hinh.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Ngày "31/02/2025" không hợp lệ');
  await expect(errors).toContainText('tượng đài');
  await expect(dialog).toContainText('chưa ghi dữ liệu nào');
  await snap(page, testInfo, 'models-import-errors', false);

  const good = [header, 'Tuyến đường hoa ấp Tân Điền,Mô hình tập thể,32152,Môi trường,15/09/2025,,,,05-CT/TW,'].join(
    '\n',
  );
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'mo-hinh.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await dialog.getByRole('checkbox', { name: 'Chạy thử' }).uncheck();
  await dialog.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  await expect(dialog).toContainText('Đã thêm 1 mô hình');
  await dialog.getByRole('button', { name: 'Đóng' }).first().click();
  await page.getByTestId('model-search').fill('tuyen duong hoa tan dien');
  await expect(page.getByTestId('model-card').first()).toContainText('Tuyến đường hoa ấp Tân Điền');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the registry and a model page fit 360 px', async ({ page }, testInfo) => {
    await signIn(page, 'xa.nhaplieu', DEMO_PASSWORD, '/models');
    await expect(page.getByTestId('model-card').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await listSettled(page);
    await snap(page, testInfo, 'models-registry-phone', false);
    await page.getByRole('button', { name: 'Thêm bộ lọc' }).click();
    await expect(page.getByLabel('Lĩnh vực')).toBeVisible();
    await page.getByTestId('model-card').first().getByRole('link').click();
    await expect(page.getByTestId('model-timeline')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, testInfo, 'models-page-phone', false);
  });
});
