import { COMMENDATION_LEVELS, type CommendationLevel } from '../../../common/commendations';
import type { CommendationCounts } from '../commendations/commendations.schemas';
import type { ModelStats } from '../models/models.schemas';
import { LEVEL_PHRASES } from './indicators';

// Drafted text in the style of the province's own reports (the article: "cấp huyện, thành phố khen 281 tập thể và
// 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; cấp Trung ương khen 02 tập thể và 02 cá nhân"). The user edits
// the draft before it becomes a submission's text; these functions only put the figures into sentences.

/** A count as Party reports print it: under ten with two digits ("02"), thousands grouped with dots ("1.234"). */
export function countText(n: number): string {
  if (n >= 0 && n < 10) {
    return `0${n}`;
  }
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);
}

/** A share in per cent the Vietnamese way: "97,5%". */
export function percentText(value: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value)}%`;
}

/** Levels from the lowest to the highest, the order the article uses. */
const LEVEL_ORDER: CommendationLevel[] = [...COMMENDATION_LEVELS].reverse();

function levelClause(level: CommendationLevel, counts: { collective: number; individual: number }): string | null {
  const parts = [
    counts.collective > 0 ? `${countText(counts.collective)} tập thể` : null,
    counts.individual > 0 ? `${countText(counts.individual)} cá nhân` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? `${LEVEL_PHRASES[level]} khen ${parts.join(' và ')}` : null;
}

/**
 * "cấp huyện, thành phố khen 281 tập thể và 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; cấp Trung ương khen
 * 02 tập thể và 02 cá nhân" — levels with no recipient left out; null when nobody was commended.
 */
export function commendationClauses(counts: CommendationCounts): string | null {
  const clauses = LEVEL_ORDER.map((level) => levelClause(level, counts.byLevel[level])).filter(
    (clause): clause is string => clause !== null,
  );
  return clauses.length ? clauses.join('; ') : null;
}

/** The commendation paragraph of part II, built around the clauses as the article writes it. */
export function commendationParagraph(counts: CommendationCounts, areaName: string): string | null {
  const clauses = commendationClauses(counts);
  if (!clauses) {
    return null;
  }
  return (
    'Công tác phát hiện, biểu dương, khen thưởng được quan tâm; xuất hiện nhiều tập thể, cá nhân điển hình tiên tiến ' +
    'có mô hình tốt, cách làm hay, sáng tạo trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ' +
    `(${clauses} đã có thành tích xuất sắc, tiêu biểu trong “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí ` +
    `Minh”), qua đó tạo sức lan tỏa sâu rộng về gương người tốt, việc tốt trong ${areaName}.`
  );
}

/** The models paragraph: how many were built, recognised and replicated. */
export function modelsParagraph(stats: Pick<ModelStats, 'total' | 'byStatus'>): string | null {
  if (stats.total === 0) {
    return null;
  }
  const recognised = stats.byStatus.recognised + stats.byStatus.replicated;
  const details = [
    recognised > 0 ? `${countText(recognised)} mô hình được cấp có thẩm quyền công nhận` : null,
    stats.byStatus.replicated > 0 ? `${countText(stats.byStatus.replicated)} mô hình được nhân rộng` : null,
  ].filter((part): part is string => part !== null);
  return (
    `Các địa phương, cơ quan, đơn vị đã đăng ký xây dựng ${countText(stats.total)} mô hình, cách làm hay trong học tập ` +
    `và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh${details.length ? ` (trong đó ${details.join(', ')})` : ''}.`
  );
}

/** "sơ kết 03 năm" for a span of about three years; "sơ kết" alone for a span under a year. */
export function reviewYears(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.round(days / 365.25);
}

/**
 * "Cà Mau, ngày 20 tháng 8 năm 2019". Days under 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02"),
 * so that nobody can add a digit in front; other months are printed bare, as the article's date is.
 */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}
