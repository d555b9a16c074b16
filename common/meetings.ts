/** Cell meeting enums shared by server and web (DOMAIN-NOTES §4: regular and thematic meetings are not substitutes). */
export const MEETING_TYPES = ['regular', 'thematic'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, { vi: string; en: string }> = {
  regular: { vi: 'Sinh hoạt thường kỳ', en: 'Regular meeting' },
  thematic: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
};

/** The month a date falls in, as its first day: `2019-03-17` → `2019-03-01`. */
export function monthOf(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The last day of the month of `iso`. */
export function lastDayOfMonth(iso: string): string {
  const [y, m] = iso.slice(0, 7).split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

/** First days of every month from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) {
      break;
    }
    months.push(`${key}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
