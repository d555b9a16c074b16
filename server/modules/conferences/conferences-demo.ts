import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { BridgeStatus } from '../../../common/conferences';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { SeededRandom, vietnameseName } from '../demo/random';

// The demo conferences: the national interim review of 20/8/2019 as the Cà Mau tree saw it (the province point and
// its district points, with realistic rosters all checked in), and a provincial conference in December 2026 over the
// 64 communes of the merged Tỉnh ủy Cà Mau, still being prepared (registrations, tests, a first roster).

interface Group {
  code: string;
  count: [number, number];
  positions: string[];
  organisations?: string[];
}

const PROVINCE_GROUPS: Group[] = [
  {
    code: 'executive_committee',
    count: [38, 44],
    positions: ['Tỉnh ủy viên', 'Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Bí thư Tỉnh ủy'],
    organisations: ['Tỉnh ủy Cà Mau'],
  },
  {
    code: 'department_heads',
    count: [18, 24],
    positions: ['Giám đốc', 'Phó Giám đốc', 'Trưởng ban'],
    organisations: [
      'Sở Nội vụ',
      'Sở Tài chính',
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Tư pháp',
      'Sở Thông tin và Truyền thông',
      'Ban Dân tộc tỉnh',
    ],
  },
  {
    code: 'front_mass_orgs',
    count: [6, 8],
    positions: ['Chủ tịch', 'Phó Chủ tịch', 'Bí thư'],
    organisations: [
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'Hội Liên hiệp Phụ nữ tỉnh',
      'Hội Nông dân tỉnh',
      'Hội Cựu chiến binh tỉnh',
      'Liên đoàn Lao động tỉnh',
      'Tỉnh Đoàn',
    ],
  },
  {
    code: 'reporters',
    count: [12, 18],
    positions: ['Báo cáo viên cấp tỉnh'],
    organisations: ['Ban Tuyên giáo Tỉnh ủy'],
  },
  {
    code: 'district_secretaries',
    count: [16, 20],
    positions: ['Bí thư Huyện ủy', 'Phó Bí thư Huyện ủy', 'Phó Bí thư Thường trực'],
  },
  { code: 'district_propaganda', count: [9, 10], positions: ['Trưởng Ban Tuyên giáo Huyện ủy'] },
];

const DISTRICT_GROUPS: Group[] = [
  { code: 'district_secretaries', count: [3, 4], positions: ['Bí thư Huyện ủy', 'Phó Bí thư Huyện ủy'] },
  { code: 'district_propaganda', count: [1, 2], positions: ['Trưởng Ban Tuyên giáo', 'Phó Trưởng Ban Tuyên giáo'] },
  {
    code: 'commune_leaders',
    count: [18, 30],
    positions: ['Bí thư Đảng ủy xã', 'Phó Bí thư Đảng ủy xã', 'Bí thư Đảng ủy thị trấn'],
  },
  { code: 'cell_secretaries', count: [25, 45], positions: ['Bí thư chi bộ ấp', 'Bí thư chi bộ khóm'] },
  { code: 'party_members', count: [10, 30], positions: ['Đảng viên', 'Cán bộ Ban Tuyên giáo'] },
];

const COMMUNE_GROUPS: Group[] = [
  { code: 'commune_leaders', count: [3, 4], positions: ['Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy', 'Chủ tịch UBND xã'] },
  { code: 'cell_secretaries', count: [12, 18], positions: ['Bí thư chi bộ ấp'] },
  {
    code: 'front_mass_orgs',
    count: [4, 6],
    positions: ['Chủ tịch Ủy ban MTTQ xã', 'Chủ tịch Hội Phụ nữ xã', 'Bí thư Đoàn xã'],
  },
  { code: 'party_members', count: [10, 20], positions: ['Đảng viên'] },
];

const token = () => crypto.randomBytes(16).toString('base64url');

interface AttendeeRow {
  bridge_id: string;
  full_name: string;
  position: string;
  organisation: string;
  category_id: string;
  token: string;
  sort_order: number;
  checked_in_at: string | null;
  is_walk_in: boolean;
}

function roster(
  random: SeededRandom,
  bridgeId: string,
  unitName: string,
  groups: Group[],
  categories: Map<string, string>,
  checkInFrom: number | null,
): AttendeeRow[] {
  const rows: AttendeeRow[] = [];
  for (const group of groups) {
    const n = random.int(group.count[0], group.count[1]);
    for (let i = 0; i < n; i++) {
      rows.push({
        bridge_id: bridgeId,
        full_name: vietnameseName(random),
        position: random.pick(group.positions),
        organisation: group.organisations ? random.pick(group.organisations) : unitName,
        category_id: categories.get(group.code)!,
        token: token(),
        sort_order: rows.length,
        // Most came; a few sent apologies.
        checked_in_at:
          checkInFrom !== null && random.chance(0.94)
            ? new Date(checkInFrom + random.int(0, 25 * 60) * 1000).toISOString()
            : null,
        is_walk_in: false,
      });
    }
  }
  return rows;
}

async function insertAttendees(trx: DbOrTrx, rows: AttendeeRow[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('conference_attendee')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
}

async function unitsOf(trx: DbOrTrx, rootId: string, kind: string, day: string) {
  return sql<{ id: string; name: string; code: string }>`
    select u.id, u.name, u.code from org_unit u, org_unit r
    where r.id = ${rootId} and u.path <@ r.path and u.kind = ${kind}
      and u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)
    order by u.path`
    .execute(trx)
    .then((r) => r.rows);
}

export async function loadDemoConferences(
  trx: DbOrTrx,
  options: { newProvinceId: string; demoCommuneCode: string },
): Promise<{ conferences: number; bridges: number; attendees: number }> {
  const oldCaMau = await trx
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '96')
    .where('valid_from', '<=', '2019-08-20')
    .where('valid_to', '>=', '2019-08-20')
    .executeTakeFirstOrThrow();
  const random = new SeededRandom('conferences');
  const actor = systemActor('demo');
  const categories = new Map(
    (await trx.selectFrom('conference_roster_category').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );
  const campaigns = await findCampaignIdsByCodes(trx, ['05-CT/TW']);
  let bridges = 0;
  let attendees = 0;

  // 1. 20/8/2019, the national interim review, relayed by Tỉnh ủy Cà Mau to its districts.
  const day2019 = '2019-08-20';
  const review = await trx
    .insertInto('conference')
    .values({
      title: 'Hội nghị trực tuyến toàn quốc sơ kết 03 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị',
      campaign_id: campaigns.get('05-CT/TW') ?? null,
      unit_id: oldCaMau.id,
      starts_at: '2019-08-20T07:30:00+07:00',
      ends_at: '2019-08-20T11:30:00+07:00',
      mode: 'online',
      host_place: 'Hội trường Tỉnh ủy Cà Mau',
      meeting_url: null,
      room_name: `LanToa-${token().slice(0, 12)}`,
      minutes:
        'Hội nghị nghe đồng chí Võ Văn Thưởng, Uỷ viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương báo cáo sơ kết, đánh giá kết quả 03 năm triển khai thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.',
      conclusions:
        'Việc thực hiện Chỉ thị số 05-CT/TW đã dần trở thành nhiệm vụ quan trọng, thường xuyên của mỗi tổ chức đảng, cơ quan, đơn vị, mỗi cán bộ, đảng viên; tiếp tục đưa việc học tập các chuyên đề vào sinh hoạt định kỳ ở chi bộ.',
      news_text: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('conference_agenda_item')
    .values([
      {
        conference_id: review.id,
        position: 10,
        starts_at: '07:30',
        title: 'Khai mạc Hội nghị',
        presenter: null,
        presenter_position: null,
      },
      {
        conference_id: review.id,
        position: 20,
        starts_at: '07:45',
        title: 'Báo cáo sơ kết 03 năm thực hiện Chỉ thị số 05-CT/TW',
        presenter: 'Võ Văn Thưởng',
        presenter_position: 'Uỷ viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương',
      },
      {
        conference_id: review.id,
        position: 30,
        starts_at: '09:00',
        title: 'Tham luận của các địa phương, đơn vị',
        presenter: null,
        presenter_position: null,
      },
      {
        conference_id: review.id,
        position: 40,
        starts_at: '10:45',
        title: 'Phát biểu kết luận Hội nghị',
        presenter: null,
        presenter_position: null,
      },
    ])
    .execute();
  const districts = await unitsOf(trx, oldCaMau.id, 'district', day2019);
  const points2019 = [{ id: oldCaMau.id, name: 'Tỉnh ủy Cà Mau', code: '96' }, ...districts];
  const inserted2019 = await trx
    .insertInto('conference_bridge')
    .values(
      points2019.map((unit, i) => ({
        conference_id: review.id,
        unit_id: unit.id,
        place: i === 0 ? 'Hội trường Tỉnh ủy Cà Mau' : `Hội trường ${unit.name}`,
        contact_name: vietnameseName(random),
        contact_phone: `0290 38${random.int(10, 99)} ${random.int(100, 999)}`,
        expected_attendance: i === 0 ? 110 : random.int(60, 120),
        status: 'connected',
        status_at: '2019-08-20T07:10:00+07:00',
      })),
    )
    .returning(['id', 'unit_id'])
    .execute();
  const rows2019: AttendeeRow[] = [];
  const start2019 = Date.parse('2019-08-20T07:00:00+07:00');
  inserted2019.forEach((bridge, i) => {
    rows2019.push(
      ...roster(
        random,
        bridge.id,
        points2019[i].name,
        i === 0 ? PROVINCE_GROUPS : DISTRICT_GROUPS,
        categories,
        start2019,
      ),
    );
  });
  await insertAttendees(trx, rows2019);
  await trx
    .insertInto('conference_bridge_status')
    .values(
      inserted2019.flatMap((b) => [
        { bridge_id: b.id, status: 'invited', at: '2019-08-05T09:00:00+07:00', note: null, user_id: null },
        { bridge_id: b.id, status: 'registered', at: '2019-08-12T14:00:00+07:00', note: null, user_id: null },
        { bridge_id: b.id, status: 'tested', at: '2019-08-19T15:30:00+07:00', note: null, user_id: null },
        { bridge_id: b.id, status: 'connected', at: '2019-08-20T07:10:00+07:00', note: null, user_id: null },
      ]),
    )
    .execute();
  bridges += inserted2019.length;
  attendees += rows2019.length;

  // 2. December 2026: a provincial conference over the 64 communes of the merged province, being prepared.
  const day2026 = '2026-12-10';
  const provincial = await trx
    .insertInto('conference')
    .values({
      title:
        'Hội nghị trực tuyến sơ kết 10 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị trên địa bàn tỉnh Cà Mau',
      campaign_id: campaigns.get('05-CT/TW') ?? null,
      unit_id: options.newProvinceId,
      starts_at: `${day2026}T08:00:00+07:00`,
      ends_at: `${day2026}T11:30:00+07:00`,
      mode: 'hybrid',
      host_place: 'Hội trường Tỉnh ủy Cà Mau, số 2 Hùng Vương, phường Tân Thành',
      meeting_url: null,
      room_name: `LanToa-${token().slice(0, 12)}`,
      minutes: null,
      conclusions: null,
      news_text: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('conference_agenda_item')
    .values([
      {
        conference_id: provincial.id,
        position: 10,
        starts_at: '08:00',
        title: 'Khai mạc; giới thiệu đại biểu',
        presenter: null,
        presenter_position: null,
      },
      {
        conference_id: provincial.id,
        position: 20,
        starts_at: '08:15',
        title: 'Báo cáo sơ kết 10 năm thực hiện Chỉ thị số 05-CT/TW',
        presenter: 'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
        presenter_position: null,
      },
      {
        conference_id: provincial.id,
        position: 30,
        starts_at: '09:30',
        title: 'Tham luận của các đảng ủy xã, phường',
        presenter: null,
        presenter_position: null,
      },
      {
        conference_id: provincial.id,
        position: 40,
        starts_at: '11:00',
        title: 'Kết luận Hội nghị',
        presenter: 'Bí thư Tỉnh ủy',
        presenter_position: null,
      },
    ])
    .execute();
  const communes = await unitsOf(trx, options.newProvinceId, 'commune', day2026);
  const statuses: BridgeStatus[] = ['invited', 'registered', 'registered', 'tested', 'tested', 'tested'];
  const inserted2026 = await trx
    .insertInto('conference_bridge')
    .values(
      [{ id: options.newProvinceId, name: 'Tỉnh ủy Cà Mau', code: '96' }, ...communes].map((unit, i) => {
        const status = i === 0 || unit.code === options.demoCommuneCode ? 'tested' : random.pick(statuses);
        return {
          conference_id: provincial.id,
          unit_id: unit.id,
          place: i === 0 ? 'Hội trường Tỉnh ủy Cà Mau' : `Hội trường ${unit.name}`,
          contact_name: status === 'invited' ? null : vietnameseName(random),
          contact_phone:
            status === 'invited' ? null : `09${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}`,
          expected_attendance: i === 0 ? 150 : random.int(35, 60),
          status,
        };
      }),
    )
    .returning(['id', 'unit_id', 'status'])
    .execute();
  await trx
    .insertInto('conference_bridge_status')
    .values(
      inserted2026.flatMap((b) =>
        ['invited', 'registered', 'tested']
          .slice(0, ['invited', 'registered', 'tested'].indexOf(b.status) + 1)
          .map((status) => ({ bridge_id: b.id, status, note: null, user_id: null })),
      ),
    )
    .execute();
  const demoCommune = communes.find((c) => c.code === options.demoCommuneCode);
  const rows2026: AttendeeRow[] = [];
  for (const bridge of inserted2026) {
    if (bridge.unit_id === demoCommune?.id) {
      rows2026.push(...roster(random, bridge.id, demoCommune.name, COMMUNE_GROUPS, categories, null));
    }
  }
  await insertAttendees(trx, rows2026);
  bridges += inserted2026.length;
  attendees += rows2026.length;

  await sql`
    update conference_bridge b
    set checked_in_count = (select count(a.checked_in_at)::int from conference_attendee a where a.bridge_id = b.id)
    where b.conference_id in (${review.id}, ${provincial.id})`.execute(trx);
  await recordAudit(trx, actor, {
    action: 'conference.demo',
    entityType: 'conference',
    entityId: provincial.id,
    unitId: options.newProvinceId,
    summary: `Nạp 2 hội nghị mẫu: ${bridges} điểm cầu, ${attendees} đại biểu`,
    after: { bridges, attendees },
  });
  return { conferences: 2, bridges, attendees };
}
