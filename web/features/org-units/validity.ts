import type { Translate } from '../../i18n/useT';
import { formatDate } from '../../lib/format';

/** "01/01/2004 – 30/06/2025", or "từ 01/07/2025" while still valid. */
export function validityText(t: Translate, validFrom: string, validTo: string | null): string {
  return validTo
    ? t('unit.validRange', { from: formatDate(validFrom), to: formatDate(validTo) })
    : t('unit.validSince', { from: formatDate(validFrom) });
}

/** The day to open a unit's page on: the date being viewed if the unit existed then, else its nearest valid day. */
export function dayWithin(at: string, validFrom: string, validTo: string | null): string {
  if (at < validFrom) {
    return validFrom;
  }
  if (validTo && at > validTo) {
    return validTo;
  }
  return at;
}
