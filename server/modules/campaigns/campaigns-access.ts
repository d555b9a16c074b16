import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import { formatDateVi } from '../../../common/dates';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import * as repo from './campaigns.repository';
import type { Visibility } from './campaigns.repository';

/** What the caller may see: campaigns issued in their reach or above it (a commune reads the national directive). */
export function visibleTo(actor: Actor): Visibility {
  return (path) => actor.scope.sqlContainsOrAbove(path, 'viewer');
}

/**
 * LIKE patterns over folded text, one per word, all of which must match: "chi thi 05" finds "Chỉ thị số 05-CT/TW".
 * Undefined for an empty search.
 */
export function searchPatterns(search: string | undefined): string[] | undefined {
  const words = (search ? foldVietnamese(search) : '').split(' ').filter(Boolean);
  return words.length > 0 ? words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
}

/** Code, the code with its punctuation as spaces (so "05 ct" finds 05-CT/TW), and title, folded. */
export function campaignSearchKey(code: string, title: string): string {
  return foldVietnamese(`${code} ${code.replace(/[^\p{L}\p{N}]+/gu, ' ')} ${title}`);
}

/** A campaign the caller can see, or NOT_FOUND. */
export async function loadVisible(db: DbOrTrx, actor: Actor, id: string, what = 'Văn bản'): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(db, id, visibleTo(actor));
  if (!row) {
    throw notFound(what);
  }
  return row;
}

/** Loads a campaign the caller can see and may manage (404 when unseen, 403 when seen but not theirs to edit). */
export async function loadManaged(db: DbOrTrx, actor: Actor, id: string): Promise<repo.CampaignRow> {
  const row = await loadVisible(db, actor, id);
  if (!actor.scope.can(row.scope_path, 'manager')) {
    throw forbidden(`Chỉ người quản lý của ${row.scope_name} hoặc cấp trên mới được sửa văn bản này.`);
  }
  return row;
}

/** Manager on the unit (404 out of reach, 403 without the role), and the unit existed on `date`. */
export async function checkScopeUnit(db: DbOrTrx, actor: Actor, unitId: string, date: string): Promise<string> {
  const path = await assertUnitAccess(db, actor, unitId, 'manager');
  const unit = await resolveUnit(db, unitId, date);
  if (unit && (unit.valid_from > date || (unit.valid_to !== null && unit.valid_to < date))) {
    const message = `${unit.name} không hoạt động vào ngày ${formatDateVi(date)}`;
    throw validationFailed(message, [{ path: 'body.scopeUnitId', message }]);
  }
  return path;
}
