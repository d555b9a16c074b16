import fs from 'node:fs';
import { COMMENDATION_LEVEL_LABELS, type CommendationLevel, type RecipientType } from '../../../common/commendations';
import { formatDateVi } from '../../../common/dates';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden } from '../../platform/errors';
import { detectFormat, ImportReader, type ImportSource, type ParsedRow, type RecordOf } from '../../platform/import';
import { readHead } from '../../platform/import/source';
import { COMMENDATION_COLUMNS, type CommendationColumnKey } from './commendations-export';
import { ImportPlan, type DecisionState } from './commendations-import-plan';
import { decisionSearchKey } from './commendations-rules';
import { emptyCounts } from './commendations-stats';
import * as repo from './commendations.repository';
import { IMPORT_LIST_LIMIT, type ImportCommendationsResult } from './commendations.schemas';

/** Two national years of commendations in one file; beyond that, split it. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows checked together: one unit-code query, one duplicate query and one insert per batch. */
const BATCH_ROWS = 5000;

export interface ImportCommendationsOptions {
  dryRun: boolean;
  skipExisting?: boolean;
  /** Rows read so far, and the file's row count when it is known (CSV). */
  onProgress?: (done: number, total?: number) => void;
}

export type CommendationRow = ParsedRow<RecordOf<typeof COMMENDATION_COLUMNS>>;

/** Entering commendations needs the editor role somewhere; the rows then say for which units. */
export function assertCanImportCommendations(actor: Actor): void {
  if (!actor.scope.isSystem && actor.scope.roots('editor').length === 0) {
    throw forbidden('Chỉ người có vai trò nhập liệu trở lên mới được nhập khen thưởng.');
  }
}

/** Line breaks of a CSV, for a progress bar with an end (counting is far cheaper than parsing). */
async function countCsvLines(source: ImportSource): Promise<number | undefined> {
  if (detectFormat(source.fileName, await readHead(source)) !== 'csv') {
    return undefined;
  }
  let lines = 0;
  const count = (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
      lines += 1;
    }
  };
  if ('data' in source) {
    count(source.data);
  } else {
    for await (const chunk of fs.createReadStream(source.filePath)) {
      count(chunk as Buffer);
    }
  }
  return Math.max(lines - 1, 0);
}

function decisionWrite(
  state: DecisionState,
  actor: Actor,
): repo.DecisionWrite & { id: string; created_by: string | null } {
  const f = state.fields;
  return {
    id: state.id,
    number: state.number,
    decision_date: state.date,
    system: f.system ?? 'party',
    issuer_name: f.issuer!,
    issuer_unit_id: state.issuerUnitId,
    unit_id: (state.ownerId ?? state.provisionalOwnerId)!,
    level: f.level!,
    form: f.form!,
    type: f.type ?? (f.campaign_code ? 'thematic' : 'periodic'),
    campaign_id: state.campaignId,
    achievement_from: null,
    achievement_to: null,
    signer: f.signer ?? null,
    search_key: decisionSearchKey(state.number, f.issuer!),
    created_by: actor.userId,
  };
}

/**
 * Cell errors are found in two passes (parsing as rows stream, then a batch's look-ups), so the report is put back
 * in row order, the way a user walks the file to fix it.
 */
function finishSorted(reader: ImportReader<typeof COMMENDATION_COLUMNS>): void {
  try {
    reader.finish();
  } catch (error) {
    if (error instanceof AppError && error.details) {
      const rowOf = (detail: { row?: number }) => detail.row ?? 0;
      throw new AppError(
        error.code,
        error.message,
        [...error.details].sort((a, b) => rowOf(a) - rowOf(b)),
      );
    }
    throw error;
  }
}

/** Writes what a batch added: its new decisions first (recipients point at them), then its recipients. */
async function flush(trx: DbOrTrx, actor: Actor, plan: ImportPlan): Promise<void> {
  const { decisions, recipients } = plan.takePending();
  await repo.insertDecisions(
    trx,
    decisions.map((state) => decisionWrite(state, actor)),
  );
  await repo.insertRecipients(trx, recipients);
}

/**
 * Imports commendations from an XLSX or CSV file, one row per recipient, all or nothing. Rows stream in batches: each
 * batch resolves its unit and campaign codes and checks its decisions against stored ones in one query each, then
 * (unless a dry run, or an error was already found) is written inside the one transaction, which any error rolls
 * back. Rows of one decision (same number and date) must agree on its fields. A decision already stored is refused
 * with the list of duplicates, unless `skipExisting`. Every bad cell is reported by row and column in Vietnamese.
 */
export async function importCommendations(
  db: Db,
  actor: Actor,
  source: ImportSource,
  options: ImportCommendationsOptions,
): Promise<ImportCommendationsResult> {
  assertCanImportCommendations(actor);
  const total = await countCsvLines(source);
  const reader = new ImportReader(source, COMMENDATION_COLUMNS, {
    maxRows: MAX_IMPORT_ROWS,
    progressEvery: 2000,
    onProgress: (rows) => options.onProgress?.(rows, total),
  });
  const run = async (trx: DbOrTrx): Promise<ImportCommendationsResult> => {
    const plan = new ImportPlan(trx, actor, reader, { skipExisting: !!options.skipExisting });
    const report = (row: number, key: CommendationColumnKey, message: string) => reader.report(row, key, message);
    const shouldWrite = () => !options.dryRun && !reader.errors.hasErrors;
    let batch: CommendationRow[] = [];
    const process = async () => {
      await plan.checkBatch(batch, shouldWrite());
      batch = [];
      if (shouldWrite()) {
        await flush(trx, actor, plan);
      }
    };
    for await (const row of reader.rows()) {
      batch.push(row);
      if (batch.length >= BATCH_ROWS) {
        await process();
      }
    }
    await process();
    const owners = await plan.settleOwners(report);
    finishSorted(reader);
    const byLevel = emptyCounts().byLevel;
    for (const [level, type, n] of plan.counts()) {
      byLevel[level as CommendationLevel][type as RecipientType] += n;
    }
    const result: ImportCommendationsResult = {
      dryRun: options.dryRun,
      decisions: plan.decisionCount(),
      recipients: plan.recipientCount,
      byLevel,
      skipped: plan.skipped,
      created: plan.createdList(IMPORT_LIST_LIMIT),
    };
    if (!options.dryRun) {
      await repo.updateDecisionOwners(trx, owners);
      const levels = Object.entries(byLevel)
        .filter(([, c]) => c.collective + c.individual > 0)
        .map(
          ([l, c]) =>
            `${COMMENDATION_LEVEL_LABELS[l as CommendationLevel].vi}: ${c.collective} tập thể, ${c.individual} cá nhân`,
        );
      await recordAudit(trx, actor, {
        action: 'commendation.import',
        entityType: 'commendation_decision',
        unitId: plan.topOwner() ?? null,
        summary: `Nhập ${result.decisions} quyết định khen thưởng, ${result.recipients} người, tập thể từ tệp ${source.fileName}`,
        after: {
          file: source.fileName,
          decisions: result.decisions,
          recipients: result.recipients,
          levels,
          skipped: result.skipped.length,
          numbers: plan.firstNumbers(50).map((d) => `${d.number} (${formatDateVi(d.date)})`),
        },
      });
    }
    options.onProgress?.(reader.rowsRead, reader.rowsRead);
    return result;
  };
  return options.dryRun ? run(db) : db.transaction().execute(run);
}
