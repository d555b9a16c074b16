/**
 * Cell meetings for the benchmark dataset (bench/data/README.md on the dashboard branch): every cell, monthly, over
 * the last 36 whole months before `today` — about 1.8 million records for the national ~50,000 cells — with the gaps,
 * theme habits and thematic meetings of the demo, written with COPY. Seeded: the same options give the same rows.
 *
 * `generate(ctx)` is the `npm run bench:data` entry; `meetingRows(cells, options)` is the generator itself, which
 * bench/meetings.ts also feeds with cells of its own.
 */
import { lastDayOfMonth, monthsBetween } from '../../common/meetings';
import { SeededRandom } from '../../server/modules/demo/random';

/** The parts of a cell the generator reads (bench/data/national-tree.ts BenchUnit has them). */
export interface MeetingCell {
  id: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface MeetingTheme {
  id: string;
  periodStart: string;
  periodEnd: string;
}

export interface MeetingRowsOptions {
  seed: string;
  /** First and last month (any day in them); months after the cell closed or before it opened are skipped. */
  from: string;
  to: string;
  /** The last day a meeting may carry. */
  today: string;
  themes: MeetingTheme[];
  seededId: (random: SeededRandom) => string;
}

/** The columns `meetingRows` yields, in order, for COPY into cell_meeting. */
export const MEETING_COPY_COLUMNS = [
  'id',
  'unit_id',
  'meeting_date',
  'type',
  'theme_included',
  'theme_id',
  'content_summary',
  'members_on_roll',
  'present',
  'absent_reasons',
];

const CONTENT = 'Kiểm điểm kết quả thực hiện nhiệm vụ tháng; triển khai nhiệm vụ tháng tới';
const THEMATIC = 'Sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';

/**
 * The meetings of `cells` month by month: a regular meeting in ~92 % of cell-months (a commune's habit between 86 and
 * 99 %), the theme brought in at a commune's own rate (45–95 %), a thematic meeting in about a third of the cells each
 * quarter; roll and attendance per cell. Rows in COPY column order (MEETING_COPY_COLUMNS).
 */
export function* meetingRows(cells: Iterable<MeetingCell>, options: MeetingRowsOptions): Generator<(string | number | boolean | null)[]> {
  const random = new SeededRandom(`${options.seed}:meetings`);
  const habits = new Map<string, { held: number; theme: number; attendance: number }>();
  const months = monthsBetween(options.from, options.to);
  const themeOn = (day: string) => options.themes.find((t) => t.periodStart <= day && t.periodEnd >= day);
  for (const cell of cells) {
    const commune = cell.parentId ?? '';
    let habit = habits.get(commune);
    if (!habit) {
      habit = { held: 0.86 + random.next() * 0.13, theme: 0.45 + random.next() * 0.5, attendance: 0.8 + random.next() * 0.17 };
      habits.set(commune, habit);
    }
    let roll = random.int(9, 32);
    for (const month of months) {
      const start = cell.validFrom > month ? cell.validFrom : month;
      const end = [lastDayOfMonth(month), options.today, cell.validTo ?? options.today].sort()[0];
      if (end < start) {
        continue;
      }
      const meeting = (type: 'regular' | 'thematic', day: string) => {
        const theme = themeOn(day);
        const includes = theme !== undefined && (type === 'thematic' || random.chance(habit.theme));
        const absent = Math.min(roll, Math.max(0, Math.round(roll * (1 - habit.attendance) + random.int(-2, 2))));
        return [
          options.seededId(random),
          cell.id,
          day,
          type,
          includes,
          includes ? theme.id : null,
          type === 'regular' ? CONTENT : THEMATIC,
          roll,
          roll - absent,
          absent > 0 ? `${absent} đồng chí vắng: ốm, đi công tác` : null,
        ];
      };
      if (random.chance(habit.held)) {
        const early = `${month.slice(0, 8)}12`;
        yield meeting('regular', random.date(start, early < end && early >= start ? early : end));
      }
      if (['03', '06', '09', '12'].includes(month.slice(5, 7)) && random.chance(0.35)) {
        yield meeting('thematic', random.date(start, end));
      }
      if (random.chance(0.05)) {
        roll = Math.max(5, roll + random.int(-1, 2));
      }
    }
  }
}

/** A version-4 shaped uuid from the seeded stream (as bench/data/context.ts makes them): one seed, the same ids. */
export function seededUuid(random: SeededRandom): string {
  const hex = (n: number) =>
    Math.floor(n * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  const [a, b, c, d] = [hex(random.next()), hex(random.next()), hex(random.next()), hex(random.next())];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** The months of the national dataset: the 36 whole months before `today`. */
export function benchMonths(today: string): { from: string; to: string } {
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  const last = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  const [ly, lm] = last.split('-').map(Number);
  const firstIndex = ly * 12 + (lm - 1) - 35;
  const first = `${Math.floor(firstIndex / 12)}-${String((firstIndex % 12) + 1).padStart(2, '0')}-01`;
  return { from: first, to: last };
}

/** What `npm run bench:data` hands a generator (bench/data/context.ts), the part this one reads. */
export interface MeetingsBenchContext {
  tree: { oldCells: MeetingCell[]; newCells: MeetingCell[] };
  target: { copy(table: string, columns: string[], rows: Iterable<(string | number | boolean | null)[]>): Promise<number> };
  seed: string;
  today: string;
  themes: MeetingTheme[];
  progress: { update(done: number, total?: number): void };
}

/** `npm run bench:data`: the national meetings, old cells before 1 July 2025 and their successors after. */
export async function generate(ctx: MeetingsBenchContext): Promise<Record<string, number>> {
  const { from, to } = benchMonths(ctx.today);
  const cells = [...ctx.tree.oldCells, ...ctx.tree.newCells];
  let done = 0;
  const counted = function* (rows: Iterable<(string | number | boolean | null)[]>) {
    for (const row of rows) {
      done += 1;
      if (done % 50_000 === 0) {
        ctx.progress.update(done, cells.length * 37);
      }
      yield row;
    }
  };
  const written = await ctx.target.copy(
    'cell_meeting',
    MEETING_COPY_COLUMNS,
    counted(meetingRows(cells, { seed: ctx.seed, from, to, today: ctx.today, themes: ctx.themes, seededId: seededUuid })),
  );
  return { 'cell_meeting': written };
}
