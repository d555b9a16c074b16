import type { DbOrTrx } from '../../db/connection';
import type { UnitRow } from '../org-units/org-units.repository';
import { resolveUnit } from '../org-units/org-units.service';
import { partyHeading, type PartyHeading } from './party-heading';

export interface IssuerContext {
  heading: PartyHeading;
  signature: { authority: string; title: string };
  recipients: string[];
}

function authorityFor(unit: UnitRow): string {
  switch (unit.kind) {
    case 'province':
    case 'district':
    case 'central':
      return 'T/M BAN THƯỜNG VỤ';
    case 'cell':
      return 'T/M CHI BỘ';
    default:
      return /^Chi bộ/.test(unit.name) ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY';
  }
}

/**
 * The heading, signature block and recipients of a document issued by `unit` on `at`: the report goes up to the
 * parent committee ("để báo cáo") and a copy stays in the issuer's office.
 */
export async function issuerContext(db: DbOrTrx, unit: UnitRow, at: string): Promise<IssuerContext> {
  const parent = unit.parent_id ? await resolveUnit(db, unit.parent_id, at) : undefined;
  const heading = partyHeading(
    { name: unit.name, kind: unit.kind, validFrom: unit.valid_from },
    parent ? { name: parent.name, kind: parent.kind, validFrom: parent.valid_from } : null,
  );
  const recipients: string[] = [];
  if (unit.kind === 'province') {
    recipients.push(
      'Ban Tuyên giáo Trung ương (b/c),',
      'Thường trực Tỉnh ủy,',
      'Các huyện ủy, thành ủy, đảng ủy trực thuộc,',
    );
  } else if (parent) {
    recipients.push(`${parent.kind === 'central' ? 'Ban Tuyên giáo Trung ương' : parent.name} (b/c),`);
    recipients.push('Các chi bộ, đảng bộ trực thuộc,');
  }
  recipients.push(unit.kind === 'cell' ? 'Lưu chi bộ.' : `Lưu Văn phòng ${unit.name}.`);
  return {
    heading,
    signature: { authority: authorityFor(unit), title: 'BÍ THƯ' },
    recipients,
  };
}
