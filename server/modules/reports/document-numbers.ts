import { formatDateVi } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { conflict } from '../../platform/errors';
import * as repo from './document-numbers.repository';
import { documentSymbol, termStart } from './party-heading';

export interface IssueNumberInput {
  issuer: { id: string; validFrom: string };
  docType: string;
  symbolIssuer: string;
  issuedOn: string;
  subject: string;
  sourceKind: 'submission' | 'aggregate' | 'interim_review';
  sourceId: string | null;
  /** The period of an aggregate, which with its template (`sourceId`) names it. */
  sourcePeriod?: string;
  /** A number the office already gave the document; otherwise the next of the series. */
  number?: number;
}

/**
 * Gives a document its number in the issuer's series for its type and committee term (HD 36-HD/VPTW: numbers run
 * from 01 per type within a term) and records it. Call inside the transaction that keeps the document's record.
 */
export async function issueDocumentNumber(
  trx: DbOrTrx,
  actor: Actor,
  input: IssueNumberInput,
): Promise<{ number: number; symbol: string; termStart: string }> {
  const term = termStart(input.issuedOn, input.issuer.validFrom);
  const key = { issuerUnitId: input.issuer.id, docType: input.docType, termStart: term };
  if (input.number !== undefined) {
    const taken = await repo.findIssuedNumber(trx, { ...key, number: input.number });
    if (taken) {
      const message = `Số ${documentSymbol(input.number, input.docType, input.symbolIssuer)} đã cấp ngày ${formatDateVi(taken.issued_on)} cho văn bản "${taken.subject}".`;
      throw conflict(message, [{ path: 'body.number', message }]);
    }
  }
  const number = await repo.bumpCounter(trx, key, input.number);
  const symbol = documentSymbol(number, input.docType, input.symbolIssuer);
  await repo.insertIssuedDocument(trx, {
    issuer_unit_id: input.issuer.id,
    doc_type: input.docType,
    term_start: term,
    number,
    symbol,
    issued_on: input.issuedOn,
    subject: input.subject,
    source_kind: input.sourceKind,
    source_id: input.sourceId,
    source_period: input.sourcePeriod ?? null,
    created_by: actor.userId,
  });
  return { number, symbol, termStart: term };
}
