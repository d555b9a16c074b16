import { todayIso } from '../../../common/dates';
import { registerDocumentOwner } from '../../platform/documents';
import { canReadInspection } from './inspections-access';
import * as repo from './inspections.repository';
import { findOwnerUnitId } from './recommendations.repository';
import { isRecommendationVisible } from './recommendations.service';

/**
 * Documents at each step of an inspection: the decision and outline (prepare), minutes of working sessions (conduct),
 * the conclusion notice (close) hang under the inspection with the step in the entity type, under the conducting
 * unit; a self-inspection report's files hang under the subject row, under the subject unit (its editors attach
 * them); a remediation report's under the recommendation, under the owner unit. Whoever reads the inspection (or the
 * recommendation) reads its files.
 */
export const INSPECTION_STEP_DOCUMENT_TYPES = {
  prepare: 'inspection_prepare',
  conduct: 'inspection_conduct',
  closed: 'inspection_close',
} as const;
export const SELF_REPORT_DOCUMENT_TYPE = 'inspection_self_report';
export const RECOMMENDATION_DOCUMENT_TYPE = 'recommendation';

const STEP_LABELS = {
  prepare: 'cuộc kiểm tra, giám sát (bước chuẩn bị)',
  conduct: 'cuộc kiểm tra, giám sát (bước tiến hành)',
  closed: 'cuộc kiểm tra, giám sát (kết luận)',
} as const;

export function registerInspectionDocuments(): void {
  for (const [step, entityType] of Object.entries(INSPECTION_STEP_DOCUMENT_TYPES)) {
    registerDocumentOwner(entityType, {
      label: STEP_LABELS[step as keyof typeof STEP_LABELS],
      resolveUnit: (db, id) => repo.findConductingUnitId(db, id),
      isVisible: async (db, actor, id) => {
        const row = await repo.findInspection(db, id, todayIso());
        return !!row && canReadInspection(actor, row);
      },
    });
  }
  registerDocumentOwner(SELF_REPORT_DOCUMENT_TYPE, {
    label: 'báo cáo tự kiểm tra',
    resolveUnit: async (db, id) => (await repo.findSubject(db, id))?.unit_id,
    isVisible: async (db, actor, id) => {
      const subject = await repo.findSubject(db, id);
      const row = subject ? await repo.findInspection(db, subject.inspection_id, todayIso()) : undefined;
      return !!row && canReadInspection(actor, row);
    },
  });
  registerDocumentOwner(RECOMMENDATION_DOCUMENT_TYPE, {
    label: 'báo cáo khắc phục kiến nghị',
    resolveUnit: (db, id) => findOwnerUnitId(db, id),
    isVisible: isRecommendationVisible,
  });
}
