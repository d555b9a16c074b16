import { ADMIN, expect, signIn, snap, test, treeNode } from './support';

test('a wrong password is refused with the server message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('khong.co.ai');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Đăng nhập không thành công');
  await expect(alert).toContainText('không đúng');
  await expect(page).toHaveURL(/\/login/);
});

test('after five wrong passwords the name is locked out for a while', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('khoa.tam.thoi');
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Mật khẩu', { exact: true }).fill(`sai-${attempt}`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(alert).toContainText(attempt < 5 ? `Còn ${5 - attempt} lần thử` : 'thử lại sau');
  }
  await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-6');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(alert).toContainText('Tạm khóa đăng nhập');
  await expect(alert).toContainText('Đăng nhập sai quá nhiều lần');
});

test('the demo accounts fill the sign-in form', async ({ page }, testInfo) => {
  await page.goto('/login');
  const demo = page.getByTestId('demo-accounts');
  await expect(demo.getByRole('heading', { name: 'Tài khoản dùng thử' })).toBeVisible();
  await expect(demo.getByRole('row')).toHaveCount(10);
  await snap(page, testInfo, 'login');
  await demo.getByRole('row', { name: /tinh\.quanly/ }).click();
  await expect(page.getByLabel('Tên đăng nhập', { exact: true })).toHaveValue('tinh.quanly');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId('user-menu')).toContainText('Nguyễn Thanh Hải');
});

test('the administrator signs in, sees every section and signs out', async ({ page }) => {
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fusers/);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/users$/);
  const menu = page.getByRole('menu');
  await expect(menu.getByText('Cơ cấu tổ chức')).toBeVisible();
  await expect(menu.getByText('Người dùng')).toBeVisible();
  await expect(menu.getByText('Nhật ký hoạt động')).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page
    .getByRole('menuitem')
    .filter({ hasText: /^Đăng xuất$/ })
    .click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/org-units');
  await expect(page).toHaveURL(/\/login/);
});

test('the language switches to English and back, on the sign-in page and in the header', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Demo accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  await signIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
  await expect(page.getByText('Structure as of')).toBeVisible();
  await snap(page, testInfo, 'org-tree-english');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Cơ cấu tổ chức' })).toBeVisible();
});

test('when the session ends, the next request returns the user to the sign-in page', async ({ page, context }) => {
  await signIn(page);
  // Everything the page loads by itself is in; the next request is the one the click below makes.
  await expect(treeNode(page, 'Tỉnh ủy Cà Mau')).toBeVisible();
  await context.clearCookies();
  await page.getByRole('menu').getByText('Người dùng').click();
  await expect(page).toHaveURL(/\/login\?next=%2Fusers/);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('dialogs loaded on demand: change password from the user menu, and a page that does not exist', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem').filter({ hasText: 'Đổi mật khẩu' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Mật khẩu hiện tại')).toBeVisible();
  // Empty fields are refused in the dialog itself, before anything is sent.
  await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(dialog.getByText('Nhập mật khẩu hiện tại')).toBeVisible();
  await snap(page, testInfo, 'change-password');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/khong-co-trang-nay');
  await expect(page.getByText('Không tìm thấy trang bạn cần')).toBeVisible();
  await page.getByRole('button', { name: 'Về trang cơ cấu tổ chức' }).click();
  await expect(page).toHaveURL(/\/org-units$/);
});
