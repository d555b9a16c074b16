import { CAMPAIGN_RELATION_LABELS } from '../../../common/campaigns';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { conflict, notFound, validationFailed } from '../../platform/errors';
import * as repo from './campaigns.repository';
import type { CampaignDetail, LinkCampaignInput } from './campaigns.schemas';
import { loadManaged, loadVisible } from './campaigns-access';
import { getCampaign } from './campaigns.service';

/** Links a campaign the caller manages to another they can see (one link per pair, whichever direction). */
export async function linkCampaigns(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  input: LinkCampaignInput,
): Promise<CampaignDetail> {
  const row = await loadManaged(db, actor, id);
  const related = await loadVisible(db, actor, input.relatedCampaignId, 'Văn bản liên quan');
  if (related.id === row.id) {
    const message = 'Không thể liên kết một văn bản với chính nó';
    throw validationFailed(message, [{ path: 'body.relatedCampaignId', message }]);
  }
  await inTransaction(db, async (trx) => {
    const existing = await repo.findLinkBetween(trx, row.id, related.id);
    if (existing) {
      const message = `${row.code} và ${related.code} đã được liên kết; hãy bỏ liên kết cũ trước khi đặt quan hệ khác`;
      throw conflict(message, [{ path: 'body.relatedCampaignId', message }]);
    }
    await repo.insertLink(trx, row.id, related.id, input.relation);
    await recordAudit(trx, actor, {
      action: 'campaign.link',
      entityType: 'campaign',
      entityId: row.id,
      unitId: row.scope_unit_id,
      summary: `${row.code} ${CAMPAIGN_RELATION_LABELS[input.relation].outgoing.vi.toLowerCase()} ${related.code}`,
      after: { relatedCampaignId: related.id, relatedCode: related.code, relation: input.relation },
    });
  });
  return getCampaign(db, actor, id);
}

/** Removes the link between a campaign the caller manages and another, whichever way it was stored. */
export async function unlinkCampaigns(db: DbOrTrx, actor: Actor, id: string, relatedId: string): Promise<void> {
  const row = await loadManaged(db, actor, id);
  const related = await loadVisible(db, actor, relatedId, 'Văn bản liên quan');
  await inTransaction(db, async (trx) => {
    const existing = await repo.findLinkBetween(trx, row.id, related.id);
    if (!existing || (await repo.deleteLinkBetween(trx, row.id, related.id)) === 0) {
      throw notFound('Liên kết');
    }
    await recordAudit(trx, actor, {
      action: 'campaign.unlink',
      entityType: 'campaign',
      entityId: row.id,
      unitId: row.scope_unit_id,
      summary: `Bỏ liên kết ${row.code} – ${related.code}`,
      before: {
        campaignId: existing.campaign_id,
        relatedCampaignId: existing.related_campaign_id,
        relation: existing.relation,
      },
    });
  });
}
