import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../common/dates';
import { PGLITE_EXTENSIONS } from '../../db/connection';
import { seedDemoDataDir, testDatabaseKind } from '../../test/databases';
import { BIN } from '../../test/processes';

// `lantoa import meetings FILE [--dry-run]` as a commune office runs it: the real process on a data folder seeded
// from the demo template. Each spawn costs seconds, so it runs once, in the PGlite pass (the import itself is tested
// on both databases in meetings-import.test.ts).
const ROOT = path.resolve(import.meta.dirname, '../../..');
const HEADER = 'unit_code,date,type,theme_included,theme_code,members_on_roll,present,absent_reasons,summary';

let dataDir: string;
let cell: string;
let otherCell: string;
let theme: string;

function lantoa(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_FORMAT: 'json', DEMO: 'false', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Reads the data folder between commands (the CLI holds it only while it runs). */
async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: PGLITE_EXTENSIONS });
  try {
    return (await pglite.query<T>(text, params)).rows;
  } finally {
    await pglite.close();
  }
}

const meetingsIn2020 = async () =>
  (
    await query<{ n: number }>(
      `select count(*)::int as n from cell_meeting m join org_unit u on u.id = m.unit_id
       where u.code = any($1) and m.meeting_date between '2020-01-01' and '2020-12-31'`,
      [[cell, otherCell]],
    )
  )[0].n;

function writeCsv(name: string, rows: string[]): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

describe.runIf(testDatabaseKind() === 'pglite')('lantoa import meetings', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-meetings-cli-'));
    await seedDemoDataDir(dataDir);
    // Two cells of old Cà Mau open through 2020 (the demo holds no meetings between 2020 and the merger), and the
    // national theme of that year.
    const cells = await query<{ code: string }>(
      `select code from org_unit where kind = 'cell' and valid_from <= '2020-01-01' and valid_to >= '2020-12-31'
       order by code limit 2`,
    );
    [cell, otherCell] = cells.map((c) => c.code);
    theme = (
      await query<{ code: string }>(
        `select t.code from study_theme t join org_unit s on s.id = t.scope_unit_id
         where s.kind = 'central' and t.period_start <= '2020-03-20' and t.period_end >= '2020-03-20'`,
      )
    )[0].code;
  }, 600_000);

  afterAll(() => {
    if (dataDir) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a file with bad rows whole, naming each row and column, and writes nothing', async () => {
    const bad = writeCsv('bad.csv', [
      `${cell},10/03/2020,regular,yes,${theme},18,16,Trần Văn C: ốm,Sinh hoạt thường kỳ tháng 3`,
      `${otherCell},2020-03-12,regular,no,,18,20,,`,
      `${otherCell},${addDays(todayIso(), 3)},regular,no,,18,15,,`,
      `KHONG-CO,2020-03-12,regular,no,,18,15,,`,
    ]);
    const result = lantoa(['import', 'meetings', bad]);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/Dòng 3, cột present/);
    expect(result.stderr).toMatch(/Dòng 4, cột date/);
    expect(result.stderr).toMatch(/Dòng 5, cột unit_code/);
    expect(result.stderr).not.toMatch(/Dòng 2,/);
    expect(result.stdout).not.toContain('Đã thêm');
    expect(await meetingsIn2020()).toBe(0);
  });

  it('checks a good file in a dry run, imports it, then refuses the same month twice', async () => {
    const good = writeCsv('good.csv', [
      `${cell},10/03/2020,Thường kỳ,có,${theme},18,16,Trần Văn C: ốm,Sinh hoạt thường kỳ tháng 3`,
      `${cell},2020-03-26,chuyên đề,có,${theme},18,18,,Chuyên đề năm 2020`,
      `${otherCell},2020-03-12,regular,no,,11,11,,`,
    ]);
    const dry = lantoa(['import', 'meetings', good, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Chạy thử: tệp hợp lệ, sẽ thêm 3 buổi sinh hoạt (2 thường kỳ, 1 chuyên đề) của 2 chi bộ',
    );
    expect(dry.stdout).toContain('Chưa ghi gì');
    expect(await meetingsIn2020()).toBe(0);

    const done = lantoa(['import', 'meetings', good]);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('Đã thêm 3 buổi sinh hoạt (2 thường kỳ, 1 chuyên đề) của 2 chi bộ');
    expect(await meetingsIn2020()).toBe(3);

    const again = lantoa(['import', 'meetings', good]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Dòng 2, cột date/);
    expect(again.stderr).toMatch(/Dòng 4, cột date/);
    expect(await meetingsIn2020()).toBe(3);
  });
});
