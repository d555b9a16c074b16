import { COMMENDATION_FORM_LABELS, COMMENDATION_LEVEL_LABELS } from '../../../common/commendations';
import { formatDateVi } from '../../../common/dates';
import type { ImportCommendationsResult } from './commendations.schemas';

/** How many decisions the CLI lists by name before it says "và … quyết định khác". */
export const CLI_LIST_LIMIT = 20;

function more(total: number, shown: number): string[] {
  return total > shown ? [`  và ${total - shown} quyết định khác.`] : [];
}

/**
 * The lines the CLI prints under an import's totals: the decisions it creates (or would, on a dry run) — number,
 * date, level, form, how many recipients — and those it skipped as already stored; the first `limit` of each.
 */
export function describeImportedDecisions(result: ImportCommendationsResult, limit = CLI_LIST_LIMIT): string[] {
  const lines: string[] = [];
  if (result.decisions > 0) {
    lines.push(result.dryRun ? 'Các quyết định sẽ thêm:' : 'Các quyết định đã thêm:');
    for (const d of result.created.slice(0, limit)) {
      lines.push(
        `  ${d.number} ngày ${formatDateVi(d.decisionDate)} — ${COMMENDATION_LEVEL_LABELS[d.level].vi}, ${COMMENDATION_FORM_LABELS[d.form].vi} — ${d.recipients} tập thể, cá nhân`,
      );
    }
    lines.push(...more(result.decisions, Math.min(limit, result.created.length)));
  }
  if (result.skipped.length > 0) {
    lines.push('Các quyết định đã có, bỏ qua:');
    for (const d of result.skipped.slice(0, limit)) {
      lines.push(`  ${d.number} ngày ${formatDateVi(d.decisionDate)} — ${d.issuerName}`);
    }
    lines.push(...more(result.skipped.length, limit));
  }
  return lines;
}

/** What the CLI prints after an import's totals: how many were skipped, then the lists, one line each. */
export function importedDecisionsTail(result: ImportCommendationsResult): string {
  const skipped = result.skipped.length ? ` Bỏ qua ${result.skipped.length} quyết định đã có.` : '';
  return (
    skipped +
    describeImportedDecisions(result)
      .map((line) => `\n${line}`)
      .join('')
  );
}
