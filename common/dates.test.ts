import { describe, expect, it } from 'vitest';
import { addDays, formatDateVi, isIsoDate, todayIso } from './dates';

describe('dates', () => {
  it('takes today in Vietnam, seven hours ahead of UTC', () => {
    expect(todayIso(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
    expect(todayIso(new Date('2025-06-30T16:30:00Z'))).toBe('2025-06-30');
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  });

  it('checks real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('20/08/2019')).toBe(false);
  });

  it('formats dd/MM/yyyy', () => {
    expect(formatDateVi('2019-08-20')).toBe('20/08/2019');
  });
});
