import type { DbOrTrx } from '../../db/connection';
import type { StoredValue } from '../../db/tables/reports';
import type { Actor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { loadSubmission } from './submissions.service';
import * as repo from './submissions.repository';
import { loadTemplate } from './templates.service';

type Snapshot = { values: Record<string, StoredValue>; sections: Record<string, string> };

/** Differences between two versions sent up (or a version and the working copy, `current`). */
export async function diffSubmission(db: DbOrTrx, actor: Actor, id: string, a: number, b: number | 'current') {
  const row = await loadSubmission(db, actor, id);
  const template = await loadTemplate(db, actor, row.template_id);
  const versions = await repo.listVersions(db, id);
  const pick = (revision: number | 'current'): Snapshot => {
    if (revision === 'current') {
      return { values: row.values, sections: row.sections };
    }
    const version = versions.find((v) => v.revision === revision);
    if (!version) {
      throw notFound(`Phiên bản ${revision}`);
    }
    return version;
  };
  const before = pick(a);
  const after = pick(b);
  return {
    from: String(a),
    to: String(b),
    indicators: template.indicators
      .map((i) => ({
        code: i.code,
        label: i.label,
        before: before.values[i.code]?.value ?? null,
        after: after.values[i.code]?.value ?? null,
      }))
      .filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after)),
    sections: template.row.sections
      .map((s) => ({
        key: s.key,
        title: s.title,
        before: before.sections[s.key] ?? '',
        after: after.sections[s.key] ?? '',
      }))
      .filter((d) => d.before !== d.after),
  };
}
