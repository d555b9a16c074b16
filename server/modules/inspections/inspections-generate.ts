import crypto from 'node:crypto';
import { addDays } from '../../../common/dates';
import { DURATION_LIMIT_DAYS, type InspectionKind, type InspectionStep } from '../../../common/inspections';
import type { UnitKind } from '../../../common/org-units';
import { type SeededRandom, vietnameseName } from '../demo/random';
import type { BulkRows } from './inspections.repository';
import { inspectionSearchKey } from './inspections.service';

// Seeded, realistic rows for inspections in bulk: the demo loader and the bench generator (bench/data/inspections.ts)
// both build on it, so the figures of both come from the same shapes.

export const CONTENTS = [
  'Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW',
  'Việc đưa chuyên đề học tập năm vào sinh hoạt chi bộ định kỳ',
  'Việc xây dựng và nhân rộng mô hình, điển hình tiên tiến làm theo gương Bác',
  'Trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu',
  'Việc thực hiện chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
];
const STRENGTHS = [
  'Cấp ủy quan tâm lãnh đạo, ban hành kế hoạch kịp thời; chuyên đề được đưa vào sinh hoạt chi bộ đều đặn.',
  'Nhiều mô hình, cách làm hay được xây dựng và nhân rộng; cán bộ, đảng viên nêu gương tốt.',
  'Công tác tuyên truyền đa dạng, gắn học tập với thực hiện nhiệm vụ chính trị của địa phương.',
];
const SHORTCOMINGS = [
  'Một số chi bộ chưa đưa chuyên đề vào sinh hoạt thường xuyên; nội dung sinh hoạt còn chung chung.',
  'Việc đăng ký làm theo của đảng viên còn hình thức; sơ kết, đánh giá chưa kịp thời.',
  'Hồ sơ, sổ sách lưu trữ chưa đầy đủ; báo cáo định kỳ gửi chậm.',
];
const CAUSES = [
  'Cấp ủy chưa phân công cụ thể người chuẩn bị nội dung; một số bí thư chi bộ mới, chưa có kinh nghiệm.',
  'Địa bàn rộng, đảng viên đi làm ăn xa; kinh phí cho hoạt động còn hạn chế.',
];
const REQUIREMENTS = [
  'Chấn chỉnh việc sinh hoạt chuyên đề; báo cáo kết quả khắc phục về cấp trên đúng thời hạn.',
  'Tiếp tục nhân rộng mô hình hiệu quả; kiện toàn hồ sơ, sổ sách theo hướng dẫn.',
];
export const RECOMMENDATION_TEXTS: [string, string][] = [
  ['remedy_shortcoming', 'Đưa chuyên đề học tập năm vào sinh hoạt chi bộ hằng tháng, có ghi biên bản đầy đủ.'],
  ['remedy_shortcoming', 'Kiện toàn sổ đăng ký làm theo của đảng viên; định kỳ 6 tháng đánh giá kết quả.'],
  ['remedy_shortcoming', 'Bổ sung hồ sơ sinh hoạt chuyên đề và báo cáo định kỳ còn thiếu.'],
  ['resolve_difficulty', 'Hỗ trợ tài liệu và báo cáo viên cho các chi bộ ấp vùng sâu tổ chức sinh hoạt chuyên đề.'],
  ['resolve_difficulty', 'Bố trí kinh phí cho việc biểu dương, nhân rộng mô hình làm theo gương Bác.'],
  ['proposal_to_higher', 'Đề nghị cấp trên ban hành hướng dẫn nội dung sinh hoạt chuyên đề phù hợp chi bộ nông thôn.'],
];
const POSITIONS = [
  'Phó Trưởng ban Tuyên giáo',
  'Ủy viên Ban Thường vụ',
  'Chuyên viên',
  'Chuyên viên',
  'Ủy viên Ủy ban Kiểm tra',
];
const LETTER: Partial<Record<UnitKind, string>> = { central: 'TW', province: 'TU', district: 'HU', commune: 'ĐU' };

export interface GenerateInput {
  random: SeededRandom;
  /** The day the data is seen from: later steps have not happened yet. */
  today: string;
  planId: string;
  conducting: { id: string; kind: string };
  subjects: string[];
  kind: InspectionKind;
  isThematic: boolean;
  campaignId: string | null;
  plannedStart: string;
  title: string;
  createdBy?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Rows of one inspection, as far as it got by `today`: prepare, conduct or closed with its recommendations. */
export function generateInspection(rows: BulkRows, input: GenerateInput): InspectionStep {
  const { random, today } = input;
  const limit = DURATION_LIMIT_DAYS[input.conducting.kind as UnitKind] ?? 20;
  // Mostly within the limit; now and then a little over it (the warning shows in the demo).
  const days = random.chance(0.12) ? limit + random.int(2, 8) : random.int(Math.ceil(limit / 3), limit);
  const id = crypto.randomUUID();
  const letter = LETTER[input.conducting.kind as UnitKind] ?? 'ĐU';
  const decisionDate = addDays(input.plannedStart, -random.int(7, 15));
  const actualStart = addDays(input.plannedStart, random.int(0, 3));
  const actualEnd = addDays(actualStart, days - 1);
  const conclusionDate = addDays(actualEnd, random.int(7, 20));
  const step: InspectionStep = actualStart > today ? 'prepare' : conclusionDate > today ? 'conduct' : 'closed';
  const content = random.pick(CONTENTS);
  const isStarted = step !== 'prepare';
  const isClosed = step === 'closed';
  rows.inspections.push({
    id,
    plan_id: input.planId,
    kind: input.kind,
    form: input.isThematic ? 'thematic' : 'regular',
    campaign_id: input.campaignId,
    title: input.title,
    content,
    conducting_unit_id: input.conducting.id,
    planned_start: input.plannedStart,
    planned_end: addDays(input.plannedStart, days - 1),
    actual_start: isStarted ? actualStart : null,
    actual_end: isClosed ? actualEnd : null,
    step,
    decision_number: isStarted ? `${random.int(10, 480)}-QĐ/${letter}` : null,
    decision_date: isStarted ? decisionDate : null,
    outline_sent_on: isStarted ? addDays(decisionDate, random.int(1, 3)) : null,
    conclusion_number: isClosed ? `${random.int(10, 480)}-TB/${letter}` : null,
    conclusion_date: isClosed ? conclusionDate : null,
    strengths: isClosed ? random.pick(STRENGTHS) : null,
    shortcomings: isClosed ? random.pick(SHORTCOMINGS) : null,
    causes: isClosed ? random.pick(CAUSES) : null,
    requirements: isClosed ? random.pick(REQUIREMENTS) : null,
    search_key: inspectionSearchKey(input.title, content),
    created_by: input.createdBy ?? null,
  });
  const roles = random.chance(0.5)
    ? ['head', 'member', 'secretary']
    : ['head', 'deputy', 'member', 'member', 'secretary'];
  roles.forEach((role, index) =>
    rows.members.push({
      inspection_id: id,
      full_name: vietnameseName(random),
      position: role === 'head' ? 'Phó Trưởng ban Tuyên giáo' : random.pick(POSITIONS),
      role,
      sort_order: index,
    }),
  );
  input.subjects.forEach((unitId, index) => {
    const received = addDays(actualStart, random.int(1, Math.max(1, Math.min(5, days - 1))));
    rows.subjects.push({
      inspection_id: id,
      unit_id: unitId,
      sort_order: index,
      // While conducting, some subjects have not sent their self-inspection report yet.
      self_report_received_on: isStarted && received <= today && (isClosed || random.chance(0.6)) ? received : null,
      self_report_summary: isStarted && received <= today ? 'Báo cáo tự kiểm tra theo đề cương gợi ý của đoàn.' : null,
    });
    if (isStarted && actualStart < today) {
      const held = addDays(actualStart, random.int(1, Math.max(1, days - 1)));
      if (held <= today) {
        rows.sessions.push({
          inspection_id: id,
          held_on: held,
          subject_unit_id: unitId,
          place: 'Hội trường cấp ủy',
          summary: 'Đoàn làm việc với cấp ủy, kiểm tra hồ sơ, sổ sách và trao đổi với đảng viên.',
        });
      }
    }
  });
  if (isClosed) {
    const count = random.int(1, 4);
    for (let i = 0; i < count; i++) {
      const [category, text] = random.pick(RECOMMENDATION_TEXTS);
      generateRecommendation(rows, {
        random,
        today,
        inspectionId: id,
        ownerUnitId: random.pick(input.subjects),
        category,
        text,
        conclusionDate,
        sortOrder: i,
      });
    }
  }
  return step;
}

/**
 * One recommendation in a realistic state: past its deadline most are done (a quarter of them late), some still open
 * or in progress (overdue), some reported and waiting for acceptance; before it, open, in progress or done early.
 */
function generateRecommendation(
  rows: BulkRows,
  input: {
    random: SeededRandom;
    today: string;
    inspectionId: string;
    ownerUnitId: string;
    category: string;
    text: string;
    conclusionDate: string;
    sortOrder: number;
  },
): void {
  const { random, today } = input;
  const id = crypto.randomUUID();
  const deadline = addDays(input.conclusionDate, random.pick([60, 90, 90, 120, 180]));
  const isPast = deadline < today;
  const roll = random.next();
  type State = 'open' | 'in_progress' | 'awaiting' | 'done_on_time' | 'done_late';
  const state: State = isPast
    ? roll < 0.55
      ? 'done_on_time'
      : roll < 0.72
        ? 'done_late'
        : roll < 0.84
          ? 'in_progress'
          : roll < 0.93
            ? 'open'
            : 'awaiting'
    : roll < 0.4
      ? 'open'
      : roll < 0.75
        ? 'in_progress'
        : roll < 0.9
          ? 'awaiting'
          : 'done_on_time';
  const min = (a: string, b: string) => (a < b ? a : b);
  let reportOn: string | null = null;
  if (state === 'done_on_time' || state === 'awaiting') {
    reportOn = min(addDays(deadline, -random.int(1, 40)), today);
    reportOn = reportOn < input.conclusionDate ? input.conclusionDate : reportOn;
  } else if (state === 'done_late') {
    reportOn = min(addDays(deadline, random.int(5, 60)), today);
  }
  const isDone = state === 'done_on_time' || state === 'done_late';
  const acceptedOn = reportOn ? min(addDays(reportOn, random.int(2, 10)), today) : null;
  rows.recommendations.push({
    id,
    inspection_id: input.inspectionId,
    text: input.text,
    category: input.category,
    owner_unit_id: input.ownerUnitId,
    deadline,
    status: isDone ? 'done' : state === 'open' ? 'open' : 'in_progress',
    report_text: reportOn ? 'Đã tổ chức khắc phục; 100% chi bộ trực thuộc thực hiện, có biên bản kèm theo.' : null,
    report_on: reportOn,
    report_submitted_on: reportOn && !isDone ? reportOn : null,
    done_on: isDone ? reportOn : null,
    accepted_at: isDone && acceptedOn ? `${acceptedOn}T03:00:00Z` : null,
    sort_order: input.sortOrder,
  });
  if (isDone && acceptedOn) {
    rows.reviews.push({ recommendation_id: id, decision: 'accepted', reason: null, reviewed_on: acceptedOn });
  }
}

export function emptyRows(): BulkRows {
  return { plans: [], inspections: [], subjects: [], members: [], sessions: [], recommendations: [], reviews: [] };
}

/** A plan row of a conducting unit for a year; approved in January unless it is a draft. */
export function planRow(
  random: SeededRandom,
  unit: { id: string; kind: string },
  year: number,
  title: string,
  isDraft = false,
): BulkRows['plans'][number] & { id: string } {
  const letter = LETTER[unit.kind as UnitKind] ?? 'ĐU';
  return {
    id: crypto.randomUUID(),
    unit_id: unit.id,
    year,
    title,
    number: `${random.int(10, 250)}-KH/${letter}`,
    status: isDraft ? 'draft' : 'approved',
    approved_on: isDraft ? null : `${year}-01-${pad(random.int(5, 25))}`,
  };
}
