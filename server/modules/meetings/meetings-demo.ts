import { sql } from 'kysely';
import { todayIso } from '../../../common/dates';
import { lastDayOfMonth, monthsBetween } from '../../../common/meetings';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { findCampaignByCode } from '../campaigns/campaigns.service';
import { createTheme } from '../campaigns/study-themes.service';
import { SeededRandom, vietnameseName } from '../demo/random';
import * as repo from './meetings.repository';

// Demo cell meetings: every demo cell, monthly, for 2016–2019 and from the 2025 merger to last month; gaps as real
// books show them (a missed month here and there, a few cells that stop for a season), a theme-inclusion share and an
// attendance habit that vary by commune, and a thematic meeting in most quarters. Seeded: the same rows every start.

// From the month after Directive 05 was issued (15/5/2016) to the end of 2019, the period of the 2019 interim review.
const OLD_PERIOD = { from: '2016-06-01', to: '2019-12-31' };
const NEW_FROM = '2025-07-01';
/**
 * The provincial theme of each year since 2026, through this year (illustrative: the 2021–2025 term theme has ended;
 * DOMAIN-NOTES §1, 2025/26), so the meetings of every year after the merger have a current theme to include.
 */
const FIRST_PROVINCIAL_THEME_YEAR = 2026;
const provincialTheme = (year: number) => ({
  code: `05-CT/TW-96-${year}`,
  title:
    'Thực hành tư tưởng, đạo đức, phong cách Hồ Chí Minh trong xây dựng tỉnh Cà Mau mới phát triển nhanh, bền vững',
  description: `Chuyên đề năm ${year} của Tỉnh ủy Cà Mau (sau hợp nhất). Dữ liệu minh họa.`,
});

const ABSENCE_REASONS = ['ốm', 'đi công tác', 'việc gia đình', 'đi làm ăn xa', 'tuổi cao, sức yếu', 'đi học'];
const REGULAR_CONTENT = [
  'Kiểm điểm kết quả thực hiện nhiệm vụ tháng; triển khai nhiệm vụ tháng tới',
  'Đánh giá tình hình sản xuất, đời sống nhân dân trên địa bàn; phân công đảng viên phụ trách hộ',
  'Thông tin thời sự; quán triệt văn bản của cấp trên; kiểm điểm việc giữ mối liên hệ với nơi cư trú',
];

// What a cell resolved, in the words minutes use; picked by the month, so the demo's random sequence is unchanged.
const CONCLUSIONS = [
  'Chi bộ thống nhất 100% các nội dung; giao đảng viên phụ trách hộ theo dõi, báo cáo tại kỳ sinh hoạt tới',
  'Tiếp tục thực hiện nghiêm việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với nhiệm vụ được giao',
  'Thống nhất phân công đảng viên vận động nhân dân thực hiện các phong trào thi đua ở địa phương',
  'Giao Bí thư chi bộ hoàn thiện biên bản, báo cáo Đảng ủy xã trước ngày 20 hằng tháng',
];

interface DemoCell {
  id: string;
  code: string;
  commune_code: string;
  valid_from: string;
  valid_to: string | null;
  path: string;
}

interface CommuneHabit {
  themeShare: number;
  heldRate: number;
  attendance: number;
}

export interface DemoMeetingsResult {
  meetings: number;
  cells: number;
}

/** Ensures the provincial theme of every year from 2026 to this one exists. */
async function ensureProvincialThemes(trx: DbOrTrx, newProvinceId: string, today: string): Promise<void> {
  const campaign = await findCampaignByCode(trx, '05-CT/TW');
  if (!campaign) {
    return;
  }
  const lastYear = Math.max(FIRST_PROVINCIAL_THEME_YEAR, Number(today.slice(0, 4)));
  for (let year = FIRST_PROVINCIAL_THEME_YEAR; year <= lastYear; year++) {
    const theme = provincialTheme(year);
    if ((await repo.findThemesByCodes(trx, [theme.code])).size > 0) {
      continue;
    }
    await createTheme(trx, systemActor('demo'), {
      campaignId: campaign.id,
      ...theme,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      scopeUnitId: newProvinceId,
    });
  }
}

function monthsFor(cell: DemoCell, lastMonth: string): string[] {
  const isOld = cell.valid_from < NEW_FROM;
  const from = isOld ? OLD_PERIOD.from : NEW_FROM;
  const to = isOld ? OLD_PERIOD.to : lastMonth;
  return monthsBetween(from > cell.valid_from ? from : cell.valid_from, to).filter(
    (month) => cell.valid_to === null || month <= cell.valid_to,
  );
}

/**
 * Loads the demo meetings in bulk (one multi-row insert per 5,000 rows). Needs the demo organisation and campaigns.
 * Returns how many meetings and cells it wrote.
 */
export async function loadDemoMeetings(
  trx: DbOrTrx,
  demo: { newProvinceId: string },
  today = todayIso(),
): Promise<DemoMeetingsResult> {
  await ensureProvincialThemes(trx, demo.newProvinceId, today);
  const random = new SeededRandom('lantoa-demo-meetings');
  const { rows: cells } = await sql<DemoCell>`
    select u.id, u.code, p.code as commune_code, u.valid_from, u.valid_to, u.path::text as path
    from org_unit u join org_unit p on p.id = u.parent_id
    where u.kind = 'cell' order by u.code, u.valid_from`.execute(trx);
  const themes = await repo.listThemesInPeriod(trx, OLD_PERIOD.from, lastDayOfMonth(today));
  const lastMonth = previousMonth(today);
  const habits = new Map<string, CommuneHabit>();
  const habitOf = (commune: string): CommuneHabit => {
    let habit = habits.get(commune);
    if (!habit) {
      const local = new SeededRandom(`commune-${commune}`);
      habit = {
        themeShare: 0.45 + local.next() * 0.5,
        heldRate: 0.86 + local.next() * 0.13,
        attendance: 0.8 + local.next() * 0.17,
      };
      habits.set(commune, habit);
    }
    return habit;
  };
  const texts: string[] = [...REGULAR_CONTENT, 'Sinh hoạt chuyên đề về công tác xây dựng Đảng ở chi bộ'];
  const themeText = new Map(themes.map((t) => [t.id, texts.push(`Sinh hoạt chuyên đề: ${t.title}`) - 1]));
  // A pool of absence notes (who and why), reused: the notes read true and the demo sends each text once.
  const absencePool = Array.from({ length: 3 }, (_, k) =>
    Array.from({ length: 60 }, () =>
      Array.from({ length: k + 1 }, () => `${vietnameseName(random)}: ${random.pick(ABSENCE_REASONS)}`).join('; '),
    ).map((note) => texts.push(note) - 1),
  );
  // Each cell's chair (its secretary) and minute-taker: names from their own seeded sequence, so the meetings
  // themselves come out the same as before the demo carried them.
  const people = new SeededRandom('lantoa-demo-meeting-people');
  const officers = cells.map(() => ({
    chair: texts.push(vietnameseName(people)) - 1,
    secretary: texts.push(vietnameseName(people)) - 1,
  }));
  const conclusions = CONCLUSIONS.map((text) => texts.push(text) - 1);
  const themeIndex = new Map(themes.map((t, i) => [t.id, i]));
  const epoch = OLD_PERIOD.from;
  const epochMs = Date.parse(`${epoch}T00:00:00Z`);
  const out: repo.CompactMeetings = {
    cellIds: cells.map((c) => c.id),
    themeIds: themes.map((t) => t.id),
    texts,
    cell: [],
    day: [],
    thematic: [],
    theme: [],
    content: [],
    absentReasons: [],
    chair: [],
    secretary: [],
    conclusion: [],
    roll: [],
    present: [],
    epoch,
  };
  cells.forEach((cell, cellIndex) => {
    const habit = habitOf(cell.commune_code);
    let roll = random.int(9, 32);
    // A cell that stops for a season (a secretary moved away, a flood): two to four months missed in a row.
    const pauseAt = random.chance(0.12) ? random.int(0, 40) : -1;
    const pauseLength = random.int(2, 4);
    const cellThemes = themes.filter((t) => cell.path.startsWith(`${t.scope_path}.`));
    monthsFor(cell, lastMonth).forEach((month, index) => {
      if (random.chance(0.05)) {
        roll = Math.max(5, roll + random.int(-1, 2));
      }
      const start = cell.valid_from > month ? cell.valid_from : month;
      const end = [lastDayOfMonth(month), today, cell.valid_to ?? today].sort()[0];
      if (end < start) {
        return;
      }
      const between = (from: string, to: string) => {
        const lo = from > start ? from : start;
        const hi = to < end ? to : end;
        return lo <= hi ? random.date(lo, hi) : random.date(start, end);
      };
      const meeting = (isThematic: boolean, day: string) => {
        const theme = cellThemes
          .filter((t) => t.period_start <= day && t.period_end >= day)
          .sort((a, b) => b.scope_path.length - a.scope_path.length)[0];
        const includes = theme !== undefined && (isThematic || random.chance(habit.themeShare));
        const absent = Math.min(roll, Math.max(0, Math.round(roll * (1 - habit.attendance) + random.int(-2, 2))));
        out.cell.push(cellIndex);
        out.day.push(Math.round((Date.parse(`${day}T00:00:00Z`) - epochMs) / 86_400_000));
        out.thematic.push(isThematic ? 1 : 0);
        out.theme.push(includes ? themeIndex.get(theme.id)! : -1);
        out.content.push(
          isThematic
            ? theme
              ? themeText.get(theme.id)!
              : REGULAR_CONTENT.length
            : random.int(0, REGULAR_CONTENT.length - 1),
        );
        out.absentReasons.push(absent > 0 ? random.pick(absencePool[Math.min(absent, 3) - 1]) : -1);
        out.chair.push(officers[cellIndex].chair);
        out.secretary.push(officers[cellIndex].secretary);
        out.conclusion.push(conclusions[(cellIndex + index) % conclusions.length]);
        out.roll.push(roll);
        out.present.push(roll - absent);
      };
      const isPaused = pauseAt >= 0 && index >= pauseAt && index < pauseAt + pauseLength;
      if (!isPaused && random.chance(habit.heldRate)) {
        // Regular meetings fall early in the month.
        meeting(false, between(month, `${month.slice(0, 8)}12`));
      }
      // About a third of the cells hold a thematic meeting in the last month of a quarter.
      if (!isPaused && ['03', '06', '09', '12'].includes(month.slice(5, 7)) && random.chance(0.35)) {
        meeting(true, between(`${month.slice(0, 8)}15`, end));
      }
    });
  });
  await repo.insertCompactMeetings(trx, out);
  return { meetings: out.cell.length, cells: cells.length };
}

function previousMonth(iso: string): string {
  const [y, m] = iso.slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}
