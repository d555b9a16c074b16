import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../test/docx';
import { createEmptyDatabase, seedDemoDataDir, testDatabaseKind } from '../../test/databases';

// `lantoa report interim-review` as an office would run it: the real process on a database with the demo. In the
// PGlite pass, a data folder seeded from the demo template (loaded once per run) and every case; in the PostgreSQL
// pass, a new database filled by the real `lantoa demo load` and one draft — each spawned command costs seconds.
const ON_PGLITE = testDatabaseKind() === 'pglite';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'lantoa.js');
const ARTICLE =
  'cấp huyện, thành phố khen 281 tập thể và 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; ' +
  'cấp Trung ương khen 02 tập thể và 02 cá nhân';
const REVIEW = ['report', 'interim-review', '--unit', '96', '--campaign', '05-CT/TW'];
const PERIOD = ['--from', '2016-05-15', '--to', '2019-08-20'];

let dataDir: string;
let database: { url: string; drop(): Promise<void> } | undefined;

function lantoa(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      DEMO: 'false',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'mat-khau-quan-tri',
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const out = (name: string) => path.join(dataDir, name);

describe('lantoa report interim-review', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-report-cli-'));
    if (ON_PGLITE) {
      await seedDemoDataDir(dataDir);
      return;
    }
    database = await createEmptyDatabase();
    const loaded = lantoa(['demo', 'load']);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('Đã nạp: 1828 đơn vị trước 01/7/2025, 1707 đơn vị từ 01/7/2025');
  }, 600_000);

  afterAll(async () => {
    await database?.drop();
    if (dataDir) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(!ON_PGLITE)('loads the demo through `lantoa demo load` once, and says so the second time', () => {
    const again = lantoa(['demo', 'load']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Dữ liệu mẫu đã có sẵn.');
  });

  it.runIf(ON_PGLITE)('refuses bad input in Vietnamese with exit code 1 and writes no file', () => {
    const cases: [string[], string][] = [
      [
        [...REVIEW, '--from', '15/05/2016', '--to', '2019-08-20', '--out', out('a.docx')],
        'Lỗi: --from phải là ngày dạng YYYY-MM-DD, nhận "15/05/2016".',
      ],
      [
        [...REVIEW, '--from', '2019-08-20', '--to', '2016-05-15', '--out', out('b.docx')],
        'Lỗi: Ngày kết thúc (15/05/2016) trước ngày bắt đầu (20/08/2019).',
      ],
      [
        ['report', 'interim-review', '--unit', 'KHONG-CO', '--campaign', '05-CT/TW', ...PERIOD, '--out', out('c.docx')],
        'Lỗi: Đơn vị KHONG-CO không tồn tại',
      ],
      [[...REVIEW, ...PERIOD, '--number', 'mười', '--out', out('d.docx')], 'Lỗi: --number phải là số nguyên dương'],
      [[...REVIEW, ...PERIOD], "Lỗi: thiếu tùy chọn bắt buộc '--out <file>'"],
    ];
    for (const [args, message] of cases) {
      const result = lantoa(args);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.docx'))).toEqual([]);
  });

  it('writes a draft that opens, with a blank number, the date line and the article’s sentence', async () => {
    const file = out('so-ket-du-thao.docx');
    const result = lantoa([...REVIEW, ...PERIOD, '--no-number', '--out', file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Đã ghi ${file}: Báo cáo số -BC/TU sơ kết`);
    const doc = await readDocx(fs.readFileSync(file));
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số      -BC/TU',
        'Cà Mau, ngày 20 tháng 8 năm 2019',
        'BÁO CÁO',
      ]),
    );
    expect(doc.paragraphs.join('\n')).toContain(ARTICLE);
    expect(doc.media.size).toBeGreaterThan(0);
  });

  it.runIf(ON_PGLITE)('numbers the document from the series, and refuses a number already given', async () => {
    const file = out('so-ket.docx');
    const result = lantoa([...REVIEW, ...PERIOD, '--signer', 'Nguyễn Tiến Hải', '--out', file]);
    expect(result.status, result.stderr).toBe(0);
    const symbol = /Báo cáo số (\d{2,}-BC\/TU)/.exec(result.stdout)?.[1];
    expect(symbol).toBeDefined();
    const doc = await readDocx(fs.readFileSync(file));
    expect(doc.paragraphs).toContain(`Số ${symbol}`);
    expect(doc.paragraphs).toContain('Nguyễn Tiến Hải');

    const again = lantoa([...REVIEW, ...PERIOD, '--number', String(parseInt(symbol!, 10)), '--out', out('x.docx')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`Lỗi: Số ${symbol} đã cấp ngày 20/08/2019`);
    expect(fs.existsSync(out('x.docx'))).toBe(false);
  });
});
