import crypto from 'node:crypto';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { TestUnit } from '../../test/factories';

// Test data the models tests share: a commendation decision, field ids, a model's body (campaigns and themes come
// from test/factories). Inserted directly, so the tests of this module do not depend on how other modules' forms
// validate.

export async function fieldId(db: DbOrTrx, code: string): Promise<string> {
  const row = await db.selectFrom('model_field').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
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
