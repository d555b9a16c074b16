import crypto from 'node:crypto';
import {
  COMMENDATION_FORM_LABELS,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_SYSTEM_LABELS,
  COMMENDATION_TYPE_LABELS,
  type CommendationForm,
  type CommendationLevel,
} from '../../../common/commendations';
import { formatDateVi } from '../../../common/dates';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { ImportReader } from '../../platform/import';
import type { COMMENDATION_COLUMNS, CommendationColumnKey } from './commendations-export';
import type { CommendationRow } from './commendations-import';
import { ImportLookups, validOn } from './commendations-import-lookups';
import * as unitsRepo from './commendations-units.repository';
import * as repo from './commendations.repository';
import type { ImportedDecision } from './commendations.schemas';

// The state of one import between batches: what is known of each decision met so far, and caches of unit codes,
// campaign codes and issuer names, each filled by one query per batch. Memory grows with the number of distinct
// decisions and units, not with the number of rows.

const DECISION_KEYS = [
  'level',
  'form',
  'issuer',
  'campaign_code',
  'system',
  'type',
  'signer',
  'issuer_code',
  'owner_code',
] as const satisfies readonly CommendationColumnKey[];

type Values = CommendationRow['values'];
type Report = (row: number, key: CommendationColumnKey, message: string) => void;

export interface DecisionState {
  id: string;
  /** The first row of the decision in the file; decision-level problems are reported there. */
  row: number;
  number: string;
  date: string;
  fields: Pick<Values, (typeof DECISION_KEYS)[number]>;
  /** Its first row had every decision field right, so it can be written. */
  isUsable: boolean;
  isExisting: boolean;
  campaignId: string | null;
  issuerUnitId: string | null;
  /** Owner named by the file (issuer code, owner code, or an issuer name that is one of our units). */
  ownerId?: string;
  hasOwnerProblem: boolean;
  /** Otherwise the owner is the closest unit above every recipient: their common path, settled at the end. */
  commonPath?: string;
  provisionalOwnerId?: string;
  nextOrder: number;
}

function commonPath(a: string, b: string): string {
  const x = a.split('.');
  const y = b.split('.');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) {
    i += 1;
  }
  return x.slice(0, i).join('.');
}

const LABELS: Partial<Record<CommendationColumnKey, Record<string, { vi: string }>>> = {
  level: COMMENDATION_LEVEL_LABELS,
  form: COMMENDATION_FORM_LABELS,
  system: COMMENDATION_SYSTEM_LABELS,
  type: COMMENDATION_TYPE_LABELS,
};

function shown(key: CommendationColumnKey, value: unknown): string {
  if (value === null || value === undefined) {
    return '(trống)';
  }
  return `"${LABELS[key]?.[value as string]?.vi ?? String(value)}"`;
}

export class ImportPlan {
  private readonly decisions = new Map<string, DecisionState>();
  private readonly lookups: ImportLookups;
  private readonly tally = new Map<string, number>();
  private pendingDecisions: DecisionState[] = [];
  private pendingRecipients: repo.RecipientWrite[] = [];
  readonly skipped: { number: string; decisionDate: string; issuerName: string }[] = [];
  recipientCount = 0;

  constructor(
    private readonly db: DbOrTrx,
    private readonly actor: Actor,
    private readonly reader: ImportReader<typeof COMMENDATION_COLUMNS>,
    private readonly options: { skipExisting: boolean },
  ) {
    this.lookups = new ImportLookups(db, actor);
  }

  private report(row: number, key: CommendationColumnKey, message: string): void {
    this.reader.report(row, key, message);
  }

  /** Checks a batch: first the look-ups its rows need (one query each), then every row. */
  async checkBatch(rows: CommendationRow[], isWriting: boolean): Promise<void> {
    await this.lookups.prefetch(rows, (key) => this.decisions.has(key));
    for (const row of rows) {
      this.checkRow(row, isWriting);
    }
  }

  private checkRow(row: CommendationRow, isWriting: boolean): void {
    const v = row.values;
    if (!v.decision_number || !v.decision_date) {
      return;
    }
    const key = `${v.decision_number}\u0000${v.decision_date}`;
    let state = this.decisions.get(key);
    if (!state) {
      state = this.openDecision(row, v.decision_number, v.decision_date);
      this.decisions.set(key, state);
    } else {
      this.checkAgreement(state, row);
    }
    if (!state.isExisting) {
      this.addRecipient(state, row, isWriting);
    }
  }

  private openDecision(row: CommendationRow, number: string, date: string): DecisionState {
    const v = row.values;
    const fields = Object.fromEntries(
      DECISION_KEYS.filter((k) => k in v).map((k) => [k, v[k]]),
    ) as DecisionState['fields'];
    const state: DecisionState = {
      id: crypto.randomUUID(),
      row: row.rowNumber,
      number,
      date,
      fields,
      isUsable: DECISION_KEYS.every((k) => k in v) && !!v.level && !!v.form && !!v.issuer,
      isExisting: false,
      campaignId: null,
      issuerUnitId: null,
      hasOwnerProblem: false,
      nextOrder: 0,
    };
    if (!state.isUsable) {
      return state;
    }
    if (this.lookups.isExisting(number, date, v.issuer!)) {
      state.isExisting = true;
      if (this.options.skipExisting) {
        this.skipped.push({ number, decisionDate: date, issuerName: v.issuer! });
      } else {
        this.report(
          row.rowNumber,
          'decision_number',
          `Quyết định ${number} ngày ${formatDateVi(date)} của ${v.issuer} đã có trong hệ thống; bỏ các dòng của quyết định này khỏi tệp, hoặc chọn bỏ qua quyết định đã có (--skip-existing).`,
        );
      }
      return state;
    }
    state.campaignId = v.campaign_code ? (this.lookups.campaigns.get(v.campaign_code) ?? null) : null;
    this.resolveOwner(state, row);
    this.pendingDecisions.push(state);
    return state;
  }

  private resolveOwner(state: DecisionState, row: CommendationRow): void {
    const v = row.values;
    for (const key of ['issuer_code', 'owner_code'] as const) {
      const code = v[key];
      if (code) {
        const found = this.lookups.unitAt(code, state.date);
        if ('problem' in found) {
          state.hasOwnerProblem = true;
          this.report(row.rowNumber, key, found.problem);
        } else {
          state.ownerId = found.unit.id;
          state.issuerUnitId = key === 'issuer_code' ? found.unit.id : null;
        }
        return;
      }
    }
    const matches = (this.lookups.issuers.get(foldVietnamese(v.issuer!)) ?? []).filter((u) => validOn(u, state.date));
    const ids = new Set(matches.map((m) => m.id));
    if (ids.size !== 1) {
      return;
    }
    const issuer = matches[0];
    if (!this.actor.scope.can(issuer.path, 'editor')) {
      state.hasOwnerProblem = true;
      this.report(
        row.rowNumber,
        'issuer',
        `Quyết định của ${issuer.name} do đơn vị đó quản lý; bạn không có quyền nhập liệu cho ${issuer.name}.`,
      );
      return;
    }
    state.ownerId = issuer.id;
    state.issuerUnitId = issuer.id;
  }

  private checkAgreement(state: DecisionState, row: CommendationRow): void {
    for (const key of DECISION_KEYS) {
      if (!(key in row.values) || !(key in state.fields)) {
        continue;
      }
      const first = state.fields[key] ?? null;
      const here = row.values[key] ?? null;
      if (first !== here) {
        this.report(
          row.rowNumber,
          key,
          `Khác với dòng ${state.row} của cùng quyết định ${state.number} ngày ${formatDateVi(state.date)}: dòng đó ghi ${shown(key, first)}, dòng này ghi ${shown(key, here)}.`,
        );
      }
    }
  }

  private addRecipient(state: DecisionState, row: CommendationRow, isWriting: boolean): void {
    const v = row.values;
    if (v.campaign_code && this.lookups.campaigns.get(v.campaign_code) === undefined) {
      this.report(
        row.rowNumber,
        'campaign_code',
        `Không có chỉ thị, nghị quyết, chương trình mã "${v.campaign_code}" trong hệ thống.`,
      );
    }
    let unit: unitsRepo.UnitAt | undefined;
    if (v.unit_code) {
      const found = this.lookups.unitAt(v.unit_code, state.date);
      if ('problem' in found) {
        this.report(row.rowNumber, 'unit_code', found.problem);
      } else {
        unit = found.unit;
      }
    }
    if (!unit || !row.record || !state.isUsable) {
      return;
    }
    if (!state.ownerId) {
      state.commonPath = state.commonPath === undefined ? unit.path : commonPath(state.commonPath, unit.path);
      state.provisionalOwnerId ??= unit.id;
    }
    const tallyKey = `${state.fields.level}\u0000${v.recipient_type}`;
    this.tally.set(tallyKey, (this.tally.get(tallyKey) ?? 0) + 1);
    this.recipientCount += 1;
    if (isWriting) {
      this.pendingRecipients.push({
        decision_id: state.id,
        recipient_type: v.recipient_type!,
        name: v.recipient_name!,
        unit_id: unit.id,
        position: v.position ?? null,
        reason: v.reason ?? null,
        search_key: foldVietnamese(v.recipient_name!),
        decision_date: state.date,
        level: state.fields.level!,
        campaign_id: state.campaignId,
        sort_order: state.nextOrder,
      });
    }
    state.nextOrder += 1;
  }

  takePending(): { decisions: DecisionState[]; recipients: repo.RecipientWrite[] } {
    const taken = { decisions: this.pendingDecisions, recipients: this.pendingRecipients };
    this.pendingDecisions = [];
    this.pendingRecipients = [];
    return taken;
  }

  /**
   * Owners of decisions the file did not name: the closest unit above all their recipients, which the caller must be
   * allowed to enter records for. Returns the decisions whose written (provisional) owner must change.
   */
  async settleOwners(report: Report): Promise<{ id: string; unitId: string }[]> {
    const open = [...this.decisions.values()].filter(
      (s) => s.isUsable && !s.isExisting && !s.ownerId && !s.hasOwnerProblem && s.commonPath !== undefined,
    );
    const ids = await unitsRepo.findUnitsByPaths(this.db, [...new Set(open.map((s) => s.commonPath!).filter(Boolean))]);
    const changed: { id: string; unitId: string }[] = [];
    for (const state of open) {
      const path = state.commonPath!;
      const id = ids.get(path);
      if (!id || !this.actor.scope.can(path, 'editor')) {
        report(
          state.row,
          'issuer',
          `Không xác định được đơn vị quản lý hồ sơ của quyết định ${state.number}: ghi "Mã đơn vị ban hành" (nếu cơ quan ban hành là cấp ủy trong hệ thống) hoặc "Mã đơn vị quản lý hồ sơ".`,
        );
        continue;
      }
      state.ownerId = id;
      if (id !== state.provisionalOwnerId) {
        changed.push({ id: state.id, unitId: id });
      }
    }
    return changed;
  }

  /** [level, recipient type, count] of the recipients the import creates. */
  counts(): [string, string, number][] {
    return [...this.tally.entries()].map(([key, n]) => {
      const [level, type] = key.split('\u0000');
      return [level, type, n];
    });
  }

  decisionCount(): number {
    return [...this.decisions.values()].filter((s) => s.isUsable && !s.isExisting).length;
  }

  /** The decisions the import creates, in file order, at most `limit`: what a dry run shows before anything is written. */
  createdList(limit: number): ImportedDecision[] {
    const list: ImportedDecision[] = [];
    for (const state of this.decisions.values()) {
      if (list.length >= limit) {
        break;
      }
      if (state.isUsable && !state.isExisting) {
        list.push({
          number: state.number,
          decisionDate: state.date,
          level: state.fields.level as CommendationLevel,
          form: state.fields.form as CommendationForm,
          issuerName: state.fields.issuer!,
          campaignCode: state.fields.campaign_code ?? null,
          recipients: state.nextOrder,
        });
      }
    }
    return list;
  }

  firstNumbers(limit: number): DecisionState[] {
    return [...this.decisions.values()].filter((s) => !s.isExisting).slice(0, limit);
  }

  /** The first decision's owner, for the import's audit entry. */
  topOwner(): string | undefined {
    return [...this.decisions.values()].find((s) => s.ownerId)?.ownerId;
  }
}
