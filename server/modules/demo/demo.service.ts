import type { Role } from '../../../common/roles';
import { inTransaction, type Db } from '../../db/connection';
import { analyzeTables } from '../../db/statistics';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { getSetting, putSetting } from '../../platform/settings';
import { DEMO_ACCOUNTS_SETTING } from '../auth/auth.service';
import type { DemoAccount } from '../auth/auth.schemas';
import { loadDemoCampaigns } from '../campaigns/campaigns-demo';
import { loadDemoCommendations } from '../commendations/commendations-demo';
import { loadDemoMeetings } from '../meetings/meetings-demo';
import { loadDemoInspections } from '../inspections/inspections-demo';
import { loadDemoConferences } from '../conferences/conferences-demo';
import { loadDemoModels } from '../models/models-demo';
import { loadDemoReports } from '../reports/reports-demo';
import { createUser } from '../users/users.service';
import { ensureCentralUnit } from './bootstrap';
import { loadDemoOrganisation, NEW_FROM, type DemoOrganisation } from './demo-organisation';
import { resolveUnit } from '../org-units/org-units.service';

export const DEMO_LOADED_SETTING = 'demo.loaded';
export const DEMO_PASSWORD = 'lantoa-demo';
/** The commune committee the commune-level demo accounts belong to (Xã Đầm Dơi, from 2025-07-01). */
export const DEMO_COMMUNE_CODE = '32152';
/** The cell of the cell-level demo account (Chi bộ ấp 1 of Xã Đầm Dơi). */
export const DEMO_CELL_CODE = `${DEMO_COMMUNE_CODE}-01`;

const DEMO_PEOPLE: { username: string; fullName: string; role: Role; level: 'province' | 'commune' | 'cell' }[] = [
  { username: 'tinh.xem', fullName: 'Lê Thị Hồng', role: 'viewer', level: 'province' },
  { username: 'tinh.nhaplieu', fullName: 'Trần Văn Bình', role: 'editor', level: 'province' },
  { username: 'tinh.quanly', fullName: 'Nguyễn Thanh Hải', role: 'manager', level: 'province' },
  { username: 'tinh.quantri', fullName: 'Phạm Quốc Dũng', role: 'admin', level: 'province' },
  { username: 'xa.xem', fullName: 'Võ Thị Mai', role: 'viewer', level: 'commune' },
  { username: 'xa.nhaplieu', fullName: 'Huỳnh Văn Tâm', role: 'editor', level: 'commune' },
  { username: 'xa.quanly', fullName: 'Đặng Thị Lan', role: 'manager', level: 'commune' },
  { username: 'xa.quantri', fullName: 'Dương Minh Khoa', role: 'admin', level: 'commune' },
  // A cell secretary: records the cell's monthly meeting on a phone (issue 4).
  { username: 'chibo.bithu', fullName: 'Trương Văn Lực', role: 'editor', level: 'cell' },
];

export interface DemoResult {
  isLoaded: boolean;
  alreadyLoaded: boolean;
  unitsByPeriod?: DemoOrganisation['unitsByPeriod'];
  accounts: DemoAccount[];
}

export async function isDemoLoaded(db: Db): Promise<boolean> {
  return (await getSetting<boolean>(db, DEMO_LOADED_SETTING)) === true;
}

/**
 * Loads the demo organisation (real Cà Mau and Bạc Liêu units, before and after the 2025 merger) and its demo
 * accounts, all in one transaction; does nothing when it is already loaded.
 */
export async function loadDemo(db: Db, onStep?: (step: string) => void): Promise<DemoResult> {
  if (await isDemoLoaded(db)) {
    return { isLoaded: true, alreadyLoaded: true, accounts: [] };
  }
  const actor = systemActor('demo');
  const result = await inTransaction(db, async (trx) => {
    const central = await ensureCentralUnit(trx);
    onStep?.('Cơ cấu tổ chức Cà Mau, Bạc Liêu');
    const organisation = await loadDemoOrganisation(trx, central.id);
    onStep?.('Tài khoản dùng thử');
    const communeId = organisation.newCommuneIds.get(DEMO_COMMUNE_CODE);
    if (!communeId) {
      throw new Error(`demo: commune ${DEMO_COMMUNE_CODE} is missing from the 2025 data`);
    }
    const cell = await resolveUnit(trx, DEMO_CELL_CODE, NEW_FROM);
    if (!cell) {
      throw new Error(`demo: cell ${DEMO_CELL_CODE} is missing from the 2025 data`);
    }
    const unitOf = { province: organisation.newProvinceId, commune: communeId, cell: cell.id };
    const accounts: DemoAccount[] = [];
    for (const person of DEMO_PEOPLE) {
      const unitId = unitOf[person.level];
      await createUser(trx, actor, {
        username: person.username,
        fullName: person.fullName,
        unitId,
        role: person.role,
        password: DEMO_PASSWORD,
        isDemo: true,
      });
      accounts.push({
        username: person.username,
        password: DEMO_PASSWORD,
        fullName: person.fullName,
        role: person.role,
        unitCode: { province: '96', commune: DEMO_COMMUNE_CODE, cell: DEMO_CELL_CODE }[person.level],
        unitName: { province: 'Tỉnh ủy Cà Mau', commune: 'Đảng ủy xã Đầm Dơi', cell: cell.name }[person.level],
      });
    }
    await loadDemoCampaigns(trx, { centralId: central.id, newProvinceId: organisation.newProvinceId });
    await loadDemoModels(trx, {
      centralId: central.id,
      newProvinceId: organisation.newProvinceId,
      newCommuneIds: organisation.newCommuneIds,
    });
    await loadDemoCommendations(trx, { centralId: central.id, ...organisation });
    onStep?.('Sinh hoạt chi bộ');
    await loadDemoMeetings(trx, { newProvinceId: organisation.newProvinceId });
    onStep?.('Kiểm tra, giám sát');
    await loadDemoInspections(trx);
    onStep?.('Báo cáo định kỳ');
    await loadDemoReports(trx, organisation);
    onStep?.('Hội nghị trực tuyến');
    await loadDemoConferences(trx, { newProvinceId: organisation.newProvinceId, demoCommuneCode: DEMO_COMMUNE_CODE });
    await putSetting(trx, DEMO_ACCOUNTS_SETTING, accounts);
    await putSetting(trx, DEMO_LOADED_SETTING, true);
    await recordAudit(trx, actor, {
      action: 'demo.load',
      entityType: 'demo',
      unitId: central.id,
      summary: `Nạp dữ liệu mẫu: ${organisation.unitsByPeriod.before2025} đơn vị trước 01/7/2025, ${organisation.unitsByPeriod.from2025} đơn vị từ 01/7/2025`,
      after: organisation.unitsByPeriod,
    });
    return { isLoaded: true, alreadyLoaded: false, unitsByPeriod: organisation.unitsByPeriod, accounts };
  });
  // ~100,000 rows just arrived in one transaction: plan the first requests with their statistics (db/statistics.ts).
  await analyzeTables(db);
  return result;
}
