import crypto from 'node:crypto';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { TestUnit } from '../../test/factories';

// Test data the meetings tests share: a campaign and its themes, inserted directly so these tests do not depend on
// how the campaigns module's forms validate.

export async function createCampaign(db: DbOrTrx, scope: TestUnit) {
  const code = `${crypto.randomBytes(2).toString('hex').toUpperCase()}-CT/TW`;
  return db
    .insertInto('campaign')
    .values({
      code,
      kind: 'directive',
      title: `Chỉ thị thử ${code}`,
      issuing_body: 'Bộ Chính trị',
      issued_on: '2016-05-15',
      scope_unit_id: scope.id,
      search_key: foldVietnamese(code),
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

export async function createTheme(
  db: DbOrTrx,
  campaignId: string,
  scope: TestUnit,
  period: { start: string; end: string },
) {
  const code = `TH-${crypto.randomBytes(3).toString('hex')}`;
  return db
    .insertInto('study_theme')
    .values({
      campaign_id: campaignId,
      code,
      title: `Chuyên đề thử ${code}`,
      period_start: period.start,
      period_end: period.end,
      scope_unit_id: scope.id,
      search_key: foldVietnamese(code),
    })
    .returning(['id', 'code', 'title'])
    .executeTakeFirstOrThrow();
}
