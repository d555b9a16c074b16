import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { serverURL } from './servers';

export { expect };

/** Playwright's `test`, each worker talking to its own server (e2e/servers.ts), pages and new contexts alike. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  baseURL: async ({}, use, testInfo) => {
    await use(serverURL(testInfo.parallelIndex));
  },
});

/** The administrator of the fresh e2e server (ADMIN_PASSWORD in playwright.config.ts). */
export const ADMIN = { username: 'admin', password: 'e2e-admin-pass' };

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * Signs in through the form and lands on `next` (the organisation page by default), as a link to a page does when the
 * session has ended: going straight there spares every test the dashboard's figures, which the sign-in would otherwise
 * compute only for the test to leave. The dashboard as the landing page has its own test (dashboard.spec.ts).
 */
export async function signIn(
  page: Page,
  username = ADMIN.username,
  password = ADMIN.password,
  next = '/org-units',
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const path = next.split('?')[0];
  await expect(page).toHaveURL((url) => url.pathname === path);
  if (next === '/org-units') {
    await expect(page.getByRole('heading', { name: 'Cơ cấu tổ chức' })).toBeVisible();
  }
}

/** Saves a screenshot to e2e/artifacts/<name>.png and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // A confirmation message ("Đã lưu") fades after three seconds; the picture is of the page, not of the message.
  await page.screenshot({ path: file, fullPage, style: '.ant-message { display: none !important; }' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The tree node whose title links to a unit of exactly this name. */
export function treeNode(page: Page, name: string): Locator {
  return page.locator('.ant-tree-treenode').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Opens a tree node and waits until its children are shown. */
export async function expandNode(page: Page, name: string): Promise<Locator> {
  const node = treeNode(page, name);
  await expect(node).toHaveCount(1);
  const title = node.locator('.org-node');
  const id = await title.getAttribute('data-id');
  if (!(await node.getAttribute('class'))?.includes('ant-tree-treenode-switcher-open')) {
    await node.locator('.ant-tree-switcher').click();
  }
  const children = page.locator(`.org-node[data-parent="${id}"]`);
  await expect(children.first()).toBeVisible();
  return children;
}

/** Types a date into the "as of" picker (dd/MM/yyyy) and confirms it. */
export async function setAtDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddmmyyyy);
}

/** Picks an option of the open Ant Design select (its accessible list is hidden; the visible one is not a listbox). */
export async function pickOption(page: Page, text: string | RegExp, timeout?: number): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click({ timeout });
}

/**
 * Opens a select, optionally types to search, and picks an option; then checks the choice shows in `shownIn` (the
 * dialog by default — options live outside it, in a portal) and picks again if not: a click that lands while the
 * drop-down is still opening is lost now and then.
 */
export async function choose(
  page: Page,
  select: Locator,
  text: string | RegExp,
  options: { search?: string; shownIn?: Locator } = {},
): Promise<void> {
  const shownIn = options.shownIn ?? page.getByRole('dialog');
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (options.search) {
      await select.fill(options.search);
    }
    try {
      // A drop-down that closes while its option is still animating in leaves the click waiting for an option that
      // is gone: bound the wait, and open the select again.
      await pickOption(page, text, 10_000);
      const shown = typeof text === 'string' ? text : new RegExp(text.source.replace(/^\^/, ''), text.flags);
      await expect(shownIn).toContainText(shown, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
}
