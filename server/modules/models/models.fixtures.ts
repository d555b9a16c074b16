import crypto from 'node:crypto';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { TestUnit } from '../../test/factories';

// Test data the models tests share: a campaign, a theme, a commendation decision, field ids. Inserted directly, so
// the tests of this module do not depend on how other modules' forms validate.

export async function fieldId(db: DbOrTrx, code: string): Promise<string> {
  const row = await db.selectFrom('model_field').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function createCampaign(db: DbOrTrx, scope: TestUnit, code?: string) {
  const campaignCode = code ?? `${crypto.randomBytes(2).toString('hex').toUpperCase()}-CT/TW`;
  const title = `Chỉ thị thử ${campaignCode}`;
  const row = await db
    .insertInto('campaign')
    .values({
      code: campaignCode,
      kind: 'directive',
      title,
      issuing_body: 'Bộ Chính trị',
      issued_on: '2016-05-15',
      scope_unit_id: scope.id,
      search_key: foldVietnamese(`${campaignCode} ${title}`),
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function createTheme(db: DbOrTrx, campaignId: string, scope: TestUnit) {
  const code = `TH-${crypto.randomBytes(3).toString('hex')}`;
  return db
    .insertInto('study_theme')
    .values({
      campaign_id: campaignId,
      code,
      title: 'Chuyên đề thử: ý thức tôn trọng Nhân dân',
      period_start: '2019-01-01',
      period_end: '2019-12-31',
      scope_unit_id: scope.id,
      search_key: foldVietnamese(code),
    })
    .returning(['id', 'code', 'title'])
    .executeTakeFirstOrThrow();
}

export async function createDecision(db: DbOrTrx, unit: TestUnit) {
  const number = `${crypto.randomInt(100, 999)}-QĐ/TU`;
  return db
    .insertInto('commendation_decision')
    .values({
      number,
      decision_date: '2019-06-01',
      system: 'party',
      issuer_name: 'Tỉnh ủy Thử Nghiệm',
      issuer_unit_id: unit.id,
      unit_id: unit.id,
      level: 'province',
      form: 'BANG_KHEN',
      type: 'thematic',
      search_key: foldVietnamese(number),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/** The body of a valid new model under `unit`; override what a test is about. */
export function modelBody(unit: TestUnit, field: string, overrides: Record<string, unknown> = {}) {
  return {
    title: `Mô hình thử ${crypto.randomBytes(3).toString('hex')}`,
    kind: 'collective_model',
    unitId: unit.id,
    fieldId: field,
    startedOn: '2018-03-15',
    description: 'Cán bộ, đảng viên gương mẫu đi đầu.',
    results: 'Nhiều hộ thoát nghèo.',
    ...overrides,
  };
}
