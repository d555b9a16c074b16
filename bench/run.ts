/**
 * `npm run bench [-- NAME… [--option value…]]`: runs every benchmark in turn (or those whose name contains one of the
 * NAMEs), each in its own process so one's memory and connections never weigh on the next. Each prints its own
 * figures beside its floor; this only sequences them and reports which failed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Every benchmark of the product, in the order they run. Add yours here. */
const BENCHMARKS: { name: string; file: string; args?: string[] }[] = [
  { name: 'commendations-import', file: 'commendations-import.ts' },
  { name: 'dashboard', file: 'dashboard.ts' },
  { name: 'meetings', file: 'meetings.ts' },
  { name: 'reports', file: 'reports.ts' },
  { name: 'conferences', file: 'conferences.ts' },
];

const args = process.argv.slice(2);
// Names first, then options (`--rows 1000`), passed to every chosen benchmark as they are.
const firstOption = args.findIndex((a) => a.startsWith('--'));
const names = firstOption < 0 ? args : args.slice(0, firstOption);
const passThrough = firstOption < 0 ? [] : args.slice(firstOption);
const chosen = BENCHMARKS.filter((b) => names.length === 0 || names.some((n) => b.name.includes(n)));
if (chosen.length === 0) {
  console.error(`Không có bài đo nào tên chứa: ${names.join(', ')}. Có: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const failed: string[] = [];
for (const bench of chosen) {
  console.log(`\n=== ${bench.name} ===`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, bench.file), ...(bench.args ?? []), ...passThrough],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    failed.push(bench.name);
  }
}
if (failed.length > 0) {
  console.error(`\nBài đo lỗi: ${failed.join(', ')}`);
  process.exit(1);
}
