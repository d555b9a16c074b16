import { formatDateVi } from '../../../common/dates';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { findCampaignIdsByCodes } from '../campaigns/campaigns.service';
import type { CommendationRow } from './commendations-import';
import * as unitsRepo from './commendations-units.repository';
import * as repo from './commendations.repository';

export const validOn = (unit: { valid_from: string; valid_to: string | null }, day: string) =>
  unit.valid_from <= day && (unit.valid_to === null || unit.valid_to >= day);

/**
 * What an import looks up in the database, cached across batches and filled with one query per kind per batch:
 * units by code (every version, resolved per row at its decision's date), campaigns by code, issuers by name, and
 * which of the batch's new decisions are already stored.
 */
export class ImportLookups {
  readonly units = new Map<string, unitsRepo.UnitAt[]>();
  readonly campaigns = new Map<string, string | undefined>();
  readonly issuers = new Map<
    string,
    { id: string; path: string; name: string; valid_from: string; valid_to: string | null }[]
  >();
  private existing = new Set<string>();

  constructor(
    private readonly db: DbOrTrx,
    private readonly actor: Actor,
  ) {}

  isExisting(number: string, date: string, issuer: string): boolean {
    return this.existing.has(`${number}\u0000${date}\u0000${issuer}`);
  }

  /** Fills the caches for a batch: unit codes, campaign codes, decisions met for the first time, issuer names. */
  async prefetch(rows: CommendationRow[], isKnownDecision: (key: string) => boolean): Promise<void> {
    const codes = new Set<string>();
    const campaignCodes = new Set<string>();
    const issuerNames = new Set<string>();
    const keys = new Map<string, { number: string; date: string; issuer: string }>();
    for (const { values: v } of rows) {
      for (const code of [v.unit_code, v.issuer_code, v.owner_code]) {
        if (code && !this.units.has(code)) {
          codes.add(code);
        }
      }
      if (v.campaign_code && !this.campaigns.has(v.campaign_code)) {
        campaignCodes.add(v.campaign_code);
      }
      if (
        v.decision_number &&
        v.decision_date &&
        v.issuer &&
        !isKnownDecision(`${v.decision_number}\u0000${v.decision_date}`)
      ) {
        keys.set(`${v.decision_number}\u0000${v.decision_date}\u0000${v.issuer}`, {
          number: v.decision_number,
          date: v.decision_date,
          issuer: v.issuer,
        });
        const folded = foldVietnamese(v.issuer);
        if (!v.issuer_code && !v.owner_code && !this.issuers.has(folded)) {
          issuerNames.add(folded);
        }
      }
    }
    const [units, campaigns, existing, names] = await Promise.all([
      unitsRepo.findUnitsByCodes(this.db, [...codes]),
      findCampaignIdsByCodes(this.db, [...campaignCodes]),
      repo.findExistingDecisions(this.db, [...keys.values()]),
      unitsRepo.findUnitNamesLike(this.db, [...issuerNames]),
    ]);
    codes.forEach((code) => this.units.set(code, []));
    units.forEach((unit) => this.units.get(unit.code)!.push(unit));
    campaignCodes.forEach((code) => this.campaigns.set(code, campaigns.get(code)));
    this.existing = new Set(existing.map((d) => `${d.number}\u0000${d.decision_date}\u0000${d.issuer_name}`));
    issuerNames.forEach((folded) =>
      this.issuers.set(
        folded,
        names.filter((n) => foldVietnamese(n.name) === folded),
      ),
    );
  }

  /** A unit code as it was on `day`, within the caller's reach with editor; else the message for the cell. */
  unitAt(code: string, day: string): { unit: unitsRepo.UnitAt } | { problem: string } {
    const versions = (this.units.get(code) ?? []).filter((u) => this.actor.scope.can(u.path, 'viewer'));
    const unit = versions.find((u) => validOn(u, day));
    if (!unit) {
      const other = versions[0];
      return {
        problem: other
          ? `Đơn vị mã "${code}" không hoạt động vào ngày ${formatDateVi(day)} (${other.name}: từ ${formatDateVi(other.valid_from)}${other.valid_to ? ` đến ${formatDateVi(other.valid_to)}` : ''}).`
          : `Không tìm thấy đơn vị mã "${code}" hoạt động ngày ${formatDateVi(day)} trong phạm vi của bạn.`,
      };
    }
    if (!this.actor.scope.can(unit.path, 'editor')) {
      return { problem: `Bạn không có quyền nhập liệu cho ${unit.name} (mã ${code}).` };
    }
    return { unit };
  }
}
