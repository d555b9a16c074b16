import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { isIsoDate } from '../common/dates';
import { ROLES, type Role } from '../common/roles';
import { loadConfig, type Config } from './config';
import type { Database } from './db/connection';
import { openConfiguredDatabase } from './db/open';
import { analyzeTables } from './db/statistics';
import { systemActor } from './platform/access';
import { AppError } from './platform/errors';
import { SessionEvents } from './platform/auth/session-events';
import { ensureAdmin } from './modules/demo/bootstrap';
import { loadDemo } from './modules/demo/demo.service';
import { importCommendations } from './modules/commendations/commendations-import';
import { importedDecisionsTail } from './modules/commendations/commendations-import-summary';
import { importMeetings } from './modules/meetings/meetings-import';
import { importModels } from './modules/models/models-import';
import { buildInterimReview } from './modules/reports/interim-review';
import { ConferenceHub } from './modules/conferences/conferences-events';
import { importRoster } from './modules/conferences/conferences-roster';
import { importOrgUnits } from './modules/org-units/org-units-import';
import { resolveUnit } from './modules/org-units/org-units.service';
import { createUser, findUserIdByUsername, grantRole, resetPassword } from './modules/users/users.service';
import { explainStartupError } from './startup-errors';
import { ensureWebBuild } from './web-build';
import { createProgress } from './cli-progress';

/** A failure prints one clear line (and the file's errors, for imports) and exits non-zero. */
function fail(error: unknown, config?: Config): never {
  if (error instanceof AppError) {
    process.stderr.write(`Lỗi: ${error.message}\n`);
    for (const detail of error.details ?? []) {
      const where = detail.row !== undefined ? `Dòng ${detail.row}, cột ${detail.column ?? ''}` : detail.path;
      process.stderr.write(`  - ${where}: ${detail.message}\n`);
    }
  } else {
    process.stderr.write(`Lỗi: ${explainStartupError(error, config)}\n`);
  }
  process.exit(1);
}

/**
 * Opens the configured database for one command, runs it and closes the database (PGlite keeps data on close). On
 * PostgreSQL the running servers hear the command's session invalidations (a password reset, a grant, a
 * reorganisation) through NOTIFY, sent before the close.
 */
async function withDatabase(work: (database: Database, config: Config) => Promise<void>): Promise<void> {
  let config: Config | undefined;
  let database: Database | undefined;
  let sessionEvents: SessionEvents | undefined;
  try {
    config = loadConfig();
    database = await openConfiguredDatabase(config);
    sessionEvents = new SessionEvents(database);
    await sessionEvents.start();
    await work(database, config);
    await sessionEvents.close();
  } catch (error) {
    await sessionEvents?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    fail(error, config);
  }
  await database.close();
}

async function unitIdByCode(database: Database, code: string): Promise<string> {
  const unit = await resolveUnit(database.db, code, new Date().toISOString().slice(0, 10));
  if (!unit) {
    throw new AppError('NOT_FOUND', `Không có đơn vị mã ${code}.`);
  }
  return unit.id;
}

async function userIdByName(database: Database, username: string): Promise<string> {
  const id = await findUserIdByUsername(database.db, username);
  if (!id) {
    throw new AppError('NOT_FOUND', `Không có người dùng ${username}.`);
  }
  return id;
}

const roleOption = () => new Option('--role <role>', 'vai trò').choices(ROLES as unknown as string[]);

/** Commander writes its parsing errors in English; the user reads them in Vietnamese, as every other error. */
const COMMANDER_ERRORS: [RegExp, string][] = [
  [/^error: required option '(.+)' not specified/, "Lỗi: thiếu tùy chọn bắt buộc '$1'"],
  [/^error: option '(.+)' argument missing/, "Lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: unknown option '(.+?)'/, "Lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.+?)'/, "Lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '(.+)'/, "Lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: too many arguments.*/, 'Lỗi: thừa tham số'],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./,
    "Lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ; chọn một trong: $3.",
  ],
];

function vietnameseCommanderError(text: string): string {
  const line = text.trimEnd();
  for (const [pattern, replacement] of COMMANDER_ERRORS) {
    if (pattern.test(line)) {
      return `${line.replace(pattern, replacement).replace(/\(Did you mean (.+)\?\)/, '(có phải $1?)')}\n`;
    }
  }
  return text;
}

const program = new Command('lantoa')
  .description('Lan Tỏa — theo dõi việc thực hiện Chỉ thị 05-CT/TW. Cấu hình qua biến môi trường (xem README).')
  .configureOutput({ outputError: (text, write) => write(vietnameseCommanderError(text)) })
  .showHelpAfterError();

program
  .command('serve')
  .description('chạy máy chủ web và API (HOST, PORT, DATA_DIR, DATABASE_URL)')
  .option('--build-web', 'dựng giao diện web trước nếu chưa có hoặc đã cũ')
  .action(async (options: { buildWeb?: boolean }) => {
    let config: Config | undefined;
    try {
      config = loadConfig();
      if (options.buildWeb) {
        await ensureWebBuild((line) => process.stdout.write(`${line}\n`));
      }
      const { startServer } = await import('./server');
      const server = await startServer(config);
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'đang dừng: chờ các yêu cầu đang xử lý rồi đóng cơ sở dữ liệu');
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    } catch (error) {
      fail(error, config);
    }
  });

program
  .command('migrate')
  .description('tạo hoặc cập nhật cấu trúc cơ sở dữ liệu')
  .action(() =>
    withDatabase(async () => {
      process.stdout.write('Cơ sở dữ liệu đã được cập nhật.\n');
    }),
  );

const user = program.command('user').description('quản lý người dùng');
user
  .command('add <username>')
  .description('thêm người dùng')
  .requiredOption('--name <fullName>', 'họ và tên')
  .requiredOption('--unit <code>', 'mã đơn vị của người dùng')
  .addOption(roleOption())
  .option('--password <password>', 'mật khẩu (bỏ trống để tạo ngẫu nhiên)')
  .action((username: string, options: { name: string; unit: string; role?: Role; password?: string }) =>
    withDatabase(async (database) => {
      const unitId = await unitIdByCode(database, options.unit);
      const result = await createUser(database.db, systemActor('cli'), {
        username,
        fullName: options.name,
        unitId,
        role: options.role,
        password: options.password,
      });
      process.stdout.write(`Đã thêm ${result.user.username}.\n`);
      if (result.generatedPassword) {
        process.stdout.write(`Mật khẩu: ${result.generatedPassword}\n`);
      }
    }),
  );
user
  .command('reset-password <username>')
  .description('đặt lại mật khẩu (kết thúc mọi phiên đăng nhập của người đó)')
  .option('--password <password>', 'mật khẩu mới (bỏ trống để tạo ngẫu nhiên)')
  .action((username: string, options: { password?: string }) =>
    withDatabase(async (database) => {
      const result = await resetPassword(
        database.db,
        systemActor('cli'),
        await userIdByName(database, username),
        options.password,
      );
      process.stdout.write(`Mật khẩu mới của ${username}: ${result.password}\n`);
    }),
  );
user
  .command('grant <username>')
  .description('cấp vai trò trên một đơn vị (bao gồm các đơn vị trực thuộc)')
  .requiredOption('--unit <code>', 'mã đơn vị')
  .addOption(roleOption().makeOptionMandatory())
  .action((username: string, options: { unit: string; role: Role }) =>
    withDatabase(async (database) => {
      await grantRole(database.db, systemActor('cli'), await userIdByName(database, username), {
        unitId: await unitIdByCode(database, options.unit),
        role: options.role,
      });
      process.stdout.write(`Đã cấp vai trò ${options.role} cho ${username} trên ${options.unit}.\n`);
    }),
  );

const importCommand = program
  .command('import')
  .description('nhập dữ liệu từ tệp XLSX hoặc CSV (tất cả hoặc không gì cả)');
/**
 * One `lantoa import <thing> FILE` run: a progress bar on the terminal, then one line saying what was written — or,
 * for a dry run, what would be and that nothing was. Rows written are counted for the planner at once, not whenever
 * autovacuum comes by (never, on PGlite): db/statistics.ts.
 */
async function runImport<R extends { dryRun: boolean }>(
  database: Database,
  run: (onProgress: (done: number, total?: number) => void) => Promise<R>,
  what: (result: R) => string,
  extra: (result: R) => string = () => '',
): Promise<void> {
  const progress = createProgress('Đang kiểm tra và nhập');
  try {
    const result = await run(progress.update);
    if (!result.dryRun) {
      await analyzeTables(database.db);
    }
    progress.stop();
    process.stdout.write(
      result.dryRun
        ? `Chạy thử: tệp hợp lệ, sẽ thêm ${what(result)}. Chưa ghi gì.${extra(result)}\n`
        : `Đã thêm ${what(result)}.${extra(result)}\n`,
    );
  } finally {
    progress.stop();
  }
}

const fileSource = (file: string) => ({ fileName: path.basename(file), data: fs.readFileSync(file) });

importCommand
  .command('org-units <file>')
  .description('nhập đơn vị: code, name, kind, parent_code, valid_from')
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDatabase((database) =>
      runImport(
        database,
        (onProgress) =>
          importOrgUnits(database.db, systemActor('cli'), fileSource(file), { dryRun: !!options.dryRun, onProgress }),
        (result) => `${result.created} đơn vị`,
      ),
    ),
  );

importCommand
  .command('models <file>')
  .description('nhập mô hình, cách làm hay: title, kind, unit_code, field, start_date, status, …')
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDatabase((database) =>
      runImport(
        database,
        (onProgress) =>
          importModels(database.db, systemActor('cli'), fileSource(file), { dryRun: !!options.dryRun, onProgress }),
        (result) => `${result.created} mô hình`,
      ),
    ),
  );

importCommand
  .command('roster <file>')
  .description('nhập danh sách đại biểu một điểm cầu: full_name, position, organisation, category')
  .requiredOption('--conference <id>', 'mã định danh hội nghị')
  .requiredOption('--unit <code>', 'mã đơn vị của điểm cầu')
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .action((file: string, options: { conference: string; unit: string; dryRun?: boolean }) =>
    withDatabase(async (database, config) => {
      const bridge = await database.db
        .selectFrom('conference_bridge as b')
        .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
        .select('b.id')
        .where('b.conference_id', '=', options.conference)
        .where('u.code', '=', options.unit)
        .executeTakeFirst();
      if (!bridge) {
        throw new AppError(
          'NOT_FOUND',
          `Hội nghị ${options.conference} không có điểm cầu của đơn vị mã "${options.unit}".`,
        );
      }
      // No viewers here: on PostgreSQL the running servers hear the change through NOTIFY.
      const hub = new ConferenceHub(database);
      const result = await importRoster(
        { db: database.db, hub, config },
        systemActor('cli'),
        options.conference,
        bridge.id,
        { fileName: path.basename(file), data: fs.readFileSync(file) },
        { dryRun: !!options.dryRun },
      );
      await hub.close();
      process.stdout.write(
        result.dryRun
          ? `Chạy thử: tệp hợp lệ, sẽ thêm ${result.created} đại biểu. Chưa ghi gì.\n`
          : `Đã thêm ${result.created} đại biểu.\n`,
      );
    }),
  );

importCommand
  .command('commendations <file>')
  .description('nhập khen thưởng, mỗi dòng một tập thể/cá nhân: decision_number, decision_date, level, form, issuer, …')
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .option('--skip-existing', 'bỏ qua quyết định đã có (cùng số, ngày, cơ quan ban hành)')
  .action((file: string, options: { dryRun?: boolean; skipExisting?: boolean }) =>
    withDatabase((database) =>
      runImport(
        database,
        (onProgress) =>
          importCommendations(
            database.db,
            systemActor('cli'),
            { fileName: path.basename(file), filePath: file },
            { dryRun: !!options.dryRun, skipExisting: !!options.skipExisting, onProgress },
          ),
        (result) => `${result.decisions} quyết định, ${result.recipients} tập thể, cá nhân`,
        importedDecisionsTail,
      ),
    ),
  );

importCommand
  .command('meetings <file>')
  .description(
    'nhập sinh hoạt chi bộ, mỗi dòng một buổi: unit_code, date, type, theme_included, theme_code, members_on_roll, present, …',
  )
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDatabase((database) =>
      runImport(
        database,
        (onProgress) =>
          importMeetings(
            database.db,
            systemActor('cli'),
            { fileName: path.basename(file), filePath: file },
            { dryRun: !!options.dryRun, onProgress },
          ),
        (result) =>
          `${result.meetings} buổi sinh hoạt (${result.regular} thường kỳ, ${result.thematic} chuyên đề) của ${result.cells} chi bộ`,
      ),
    ),
  );

const report = program.command('report').description('báo cáo');
report
  .command('interim-review')
  .description('soạn báo cáo sơ kết theo thể thức văn bản của Đảng (DOCX) thẳng từ số liệu đã ghi nhận')
  .requiredOption('--unit <code>', 'mã đơn vị ban hành (đơn vị như ngày cuối kỳ), ví dụ 96')
  .requiredOption('--campaign <code>', 'văn bản chỉ đạo, ví dụ 05-CT/TW')
  .requiredOption('--from <date>', 'ngày đầu kỳ (YYYY-MM-DD)')
  .requiredOption('--to <date>', 'ngày cuối kỳ (YYYY-MM-DD)')
  .requiredOption('--out <file>', 'tệp DOCX ghi ra')
  .option('--number <n>', 'số văn bản đã có (mặc định: lấy số tiếp theo của loại báo cáo trong nhiệm kỳ)')
  .option('--no-number', 'để trống số (bản dự thảo), không cấp số')
  .option('--date <date>', 'ngày ban hành in trên văn bản (mặc định: ngày cuối kỳ)')
  .option('--signer <name>', 'họ tên người ký')
  .action(
    (options: {
      unit: string;
      campaign: string;
      from: string;
      to: string;
      out: string;
      number: string | boolean;
      date?: string;
      signer?: string;
    }) =>
      withDatabase(async (database) => {
        for (const [name, value] of [
          ['--from', options.from],
          ['--to', options.to],
          ['--date', options.date],
        ] as const) {
          if (value !== undefined && !isIsoDate(value)) {
            throw new AppError('VALIDATION_FAILED', `${name} phải là ngày dạng YYYY-MM-DD, nhận "${value}".`);
          }
        }
        let number: boolean | number = options.number !== false;
        if (typeof options.number === 'string') {
          number = Number(options.number);
          if (!Number.isInteger(number) || number < 1) {
            throw new AppError('VALIDATION_FAILED', `--number phải là số nguyên dương, nhận "${options.number}".`);
          }
        }
        const result = await buildInterimReview(database.db, systemActor('cli'), {
          unit: options.unit,
          campaign: options.campaign,
          from: options.from,
          to: options.to,
          issuedOn: options.date,
          number,
          signerName: options.signer ?? null,
        });
        fs.writeFileSync(options.out, result.docx);
        process.stdout.write(`Đã ghi ${options.out}: Báo cáo số ${result.symbol.trim()} ${result.subject}.\n`);
      }),
  );

program
  .command('demo')
  .description('dữ liệu mẫu')
  .command('load')
  .description('nạp tổ chức mẫu Cà Mau (nếu chưa có)')
  .action(() =>
    withDatabase(async (database, config) => {
      await ensureAdmin(database.db, { adminPassword: config.adminPassword, dataDir: config.dataDir });
      const progress = createProgress('Nạp dữ liệu mẫu');
      const result = await loadDemo(database.db, (step) => progress.step(step));
      progress.stop();
      if (result.alreadyLoaded) {
        process.stdout.write('Dữ liệu mẫu đã có sẵn.\n');
        return;
      }
      process.stdout.write(
        `Đã nạp: ${result.unitsByPeriod?.before2025} đơn vị trước 01/7/2025, ${result.unitsByPeriod?.from2025} đơn vị từ 01/7/2025, ${result.accounts.length} tài khoản dùng thử.\n`,
      );
    }),
  );

await program.parseAsync(process.argv);
