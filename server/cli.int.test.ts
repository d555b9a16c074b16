import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './test/databases';
import { BIN, freePort, startServerProcess } from './test/processes';

const ROOT = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-cli-'));
  dirs.push(dir);
  return dir;
}

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_FORMAT: 'json', DEMO: 'false', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
  dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

// The CLI runs on its own databases (PGlite in a temporary DATA_DIR, a named PostgreSQL database in the error case),
// so it is exercised once, in the PGlite pass, not again in the PostgreSQL pass.
describe.runIf(testDatabaseKind() === 'pglite')('lantoa CLI', { timeout: 240_000 }, () => {
  it('lists its commands', () => {
    const result = cli(['--help'], {});
    expect(result.status).toBe(0);
    for (const command of ['serve', 'migrate', 'user', 'import', 'demo']) {
      expect(result.stdout).toContain(command);
    }
  });

  it('stops with one clear line and exit code 1 on a bad setting', () => {
    const unknownDb = cli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/lantoa_khong_ton_tai' });
    expect(unknownDb.status).toBe(1);
    expect(unknownDb.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownDb.stderr).toContain('Cơ sở dữ liệu không tồn tại');

    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const unwritable = cli(['migrate'], { DATA_DIR: path.join(file, 'data') });
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toContain('DATA_DIR');

    const badPort = cli(['serve'], { PORT: 'ba nghìn' });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain('PORT');
  });

  it('imports org units all or nothing, reporting rows and columns', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'mat-khau-quan-tri' };
    expect(cli(['migrate'], env).status).toBe(0);
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'code,name,kind,parent_code,valid_from\nP1,Tỉnh ủy Thử,province,TW,2020-01-01\nX1,Chi bộ,cell,P1,31/02/2020\n',
    );
    const failed = cli(['import', 'org-units', bad], env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Dòng 3');
    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(good, 'code,name,kind,parent_code,valid_from\nP1,Tỉnh ủy Thử,province,TW,2020-01-01\n');
    // TW exists once the administrator has been created, on the first start (or by `demo load`, which the
    // interim-review CLI test runs in the PostgreSQL pass).
    expect(cli(['user', 'add', 'nguoithu', '--name', 'Người Thử', '--unit', 'TW'], env).status).toBe(1);
    const firstStart = await startServerProcess(env);
    expect(await firstStart.stop()).toBe(0);
    const dry = cli(['import', 'org-units', good, '--dry-run'], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Chạy thử');
    const done = cli(['import', 'org-units', good], env);
    expect(done.stdout).toContain('Đã thêm 1 đơn vị');
    const added = cli(['user', 'add', 'nguoithu', '--name', 'Người Thử', '--unit', 'P1', '--role', 'editor'], env);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/Mật khẩu: \S{8,}/);
  });

  it('imports commendations: a dry run lists the decisions, --skip-existing lists those it skipped', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'mat-khau-quan-tri' };
    const firstStart = await startServerProcess(env);
    expect(await firstStart.stop()).toBe(0);
    const units = path.join(dataDir, 'units.csv');
    fs.writeFileSync(
      units,
      'code,name,kind,parent_code,valid_from\nK1,Tỉnh ủy Khen,province,TW,2015-01-01\nK1-01,Đảng ủy xã Một,commune,K1,2015-01-01\n',
    );
    const unitsImported = cli(['import', 'org-units', units], env);
    expect(unitsImported.status, unitsImported.stderr).toBe(0);
    const header = 'decision_number,decision_date,level,form,issuer,recipient_type,recipient_name,unit_code';
    const decision = (n: number) =>
      [1, 2].map((i) => `${n}-QĐ/TU,2019-08-20,province,BANG_KHEN,Tỉnh ủy Khen,individual,Người ${n}.${i},K1-01`);
    const file = path.join(dataDir, 'khen.csv');
    fs.writeFileSync(file, [header, ...Array.from({ length: 25 }, (_, i) => decision(i + 1)).flat()].join('\n'));

    const dry = cli(['import', 'commendations', file, '--dry-run'], env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Chạy thử: tệp hợp lệ, sẽ thêm 25 quyết định, 50 tập thể, cá nhân. Chưa ghi gì.');
    expect(dry.stdout).toContain('Các quyết định sẽ thêm:');
    expect(dry.stdout).toContain('  1-QĐ/TU ngày 20/08/2019 — Cấp tỉnh, Bằng khen — 2 tập thể, cá nhân');
    expect(dry.stdout).toContain('  20-QĐ/TU ngày 20/08/2019');
    expect(dry.stdout).not.toContain('  21-QĐ/TU');
    expect(dry.stdout).toContain('  và 5 quyết định khác.');
    expect(cli(['import', 'commendations', file], env).stdout).toContain('Đã thêm 25 quyết định, 50 tập thể, cá nhân.');

    fs.appendFileSync(file, `\n${decision(26).join('\n')}`);
    const refused = cli(['import', 'commendations', file, '--dry-run'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Quyết định 1-QĐ/TU ngày 20/08/2019 của Tỉnh ủy Khen đã có trong hệ thống');
    const skipping = cli(['import', 'commendations', file, '--skip-existing'], env);
    expect(skipping.status, skipping.stderr).toBe(0);
    expect(skipping.stdout).toContain('Đã thêm 1 quyết định, 2 tập thể, cá nhân. Bỏ qua 25 quyết định đã có.');
    expect(skipping.stdout).toContain('Các quyết định đã thêm:\n  26-QĐ/TU ngày 20/08/2019');
    expect(skipping.stdout).toContain('Các quyết định đã có, bỏ qua:\n  1-QĐ/TU ngày 20/08/2019 — Tỉnh ủy Khen');
    expect(skipping.stdout).toContain('  và 5 quyết định khác.');
  });

  it('serves, keeps every change across a restart, and refuses a taken port', async () => {
    const dataDir = tempDir();
    const port = String(await freePort());
    const env = { DATA_DIR: dataDir, PORT: port, ADMIN_PASSWORD: 'mat-khau-quan-tri' };
    const first = await startServerProcess(env);
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'mat-khau-quan-tri' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const root = (await (await fetch(`${first.url}/api/v1/org-units`, { headers: { cookie } })).json()).items[0];
    const created = await fetch(`${first.url}/api/v1/org-units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        code: 'P9',
        name: 'Tỉnh ủy Khởi Động Lại',
        kind: 'province',
        parentId: root.id,
        validFrom: '2020-01-01',
      }),
    });
    expect(created.status).toBe(201);

    const taken = cli(['serve'], { ...env, DATA_DIR: tempDir() });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain(`Cổng ${port}`);

    const busy = cli(['migrate'], env);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('đang được tiến trình');

    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('đang dừng');
    const second = await startServerProcess(env);
    try {
      const again = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'mat-khau-quan-tri' }),
      });
      const cookie2 = again.headers.get('set-cookie')!.split(';')[0];
      const unit = await fetch(`${second.url}/api/v1/org-units/P9`, { headers: { cookie: cookie2 } });
      expect(unit.status).toBe(200);
      expect((await unit.json()).name).toBe('Tỉnh ủy Khởi Động Lại');
    } finally {
      await second.stop();
    }
  });

  it('writes a generated administrator password, readable by its owner only', async () => {
    const dataDir = tempDir();
    const port = String(await freePort());
    const server = await startServerProcess({ DATA_DIR: dataDir, PORT: port, ADMIN_PASSWORD: '' });
    await server.stop();
    const file = path.join(dataDir, 'admin-password.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(server.output()).toContain(password);
  });
});
