import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

/**
 * Takes the next number of the series (issuer, type, term) — or records `explicit` when the office gave one, moving
 * the series on so later numbers follow it. One upsert, so concurrent callers never share a number.
 */
export async function bumpCounter(
  db: DbOrTrx,
  key: { issuerUnitId: string; docType: string; termStart: string },
  explicit?: number,
): Promise<number> {
  const first = explicit ?? 1;
  const next = explicit === undefined ? sql`c.last_number + 1` : sql`greatest(c.last_number, ${explicit}::int)`;
  const result = await sql<{ last_number: number }>`
    insert into document_number_counter as c (issuer_unit_id, doc_type, term_start, last_number)
    values (${key.issuerUnitId}, ${key.docType}, ${key.termStart}::date, ${first}::int)
    on conflict (issuer_unit_id, doc_type, term_start)
    do update set last_number = ${next}, updated_at = now()
    returning c.last_number`.execute(db);
  return explicit ?? result.rows[0].last_number;
}

export async function insertIssuedDocument(
  db: DbOrTrx,
  row: {
    issuer_unit_id: string;
    doc_type: string;
    term_start: string;
    number: number;
    symbol: string;
    issued_on: string;
    subject: string;
    source_kind: 'submission' | 'aggregate' | 'interim_review';
    source_id: string | null;
    source_period?: string | null;
    created_by: string | null;
  },
): Promise<void> {
  await db.insertInto('issued_document').values(row).execute();
}

export async function findIssuedNumber(
  db: DbOrTrx,
  key: { issuerUnitId: string; docType: string; termStart: string; number: number },
) {
  return db
    .selectFrom('issued_document')
    .select(['id', 'subject', 'issued_on'])
    .where('issuer_unit_id', '=', key.issuerUnitId)
    .where('doc_type', '=', key.docType)
    .where('term_start', '=', key.termStart)
    .where('number', '=', key.number)
    .executeTakeFirst();
}

/** The number an aggregate (reviewing unit × template × period) was given, if any. */
export async function findAggregateDocument(
  db: DbOrTrx,
  key: { issuerUnitId: string; templateId: string; periodKey: string },
) {
  return db
    .selectFrom('issued_document')
    .select(['number', 'symbol', 'issued_on'])
    .where('source_kind', '=', 'aggregate')
    .where('issuer_unit_id', '=', key.issuerUnitId)
    .where('source_id', '=', key.templateId)
    .where('source_period', '=', key.periodKey)
    .executeTakeFirst();
}
