import { creditCodeCheckChar } from '@jiefen/codes';
import type { DemoDispute, DemoOrganization, MediationSource } from './model.js';
import { committeeOf } from './places.js';
import { DEMO_TOWN_DAINAN, demoRegions } from './regions.js';

// The justice bureau's roster of mediation organizations (人民调解组织名册) as the whole demo knows it:
// justice's seed writes it, and every hand-over of the demo (诉调、公调、检调、访调、援调, the hub's
// 分流转办) names its receiver from it, by 统一社会信用代码 — so no hand-over points at an
// organization the roster lacks.

/** The `mediator` persona's committee (packages/auth personas). */
export const DAINAN_COMMITTEE_CODE = '54321281MJ12345677';

const regionName = new Map(demoRegions.map((r) => [r.code, r.name]));
const townName = (code: string) => regionName.get(code) ?? '兴化市';
const dainanVillage = (code: string) => (regionName.get(code) ?? '').replace(/村委会$/, '村').replace(/居委会$/, '社区');

/** A well-formed 统一社会信用代码 for made-up organization `n` (GB 32100 check character). */
export function demoCreditCode(n: number): string {
  const first17 = `54321281MJ${String(7_000_000 + n)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

type OrgSpec = Omit<DemoOrganization, 'code'>;

/** Every type of organization the county has, plus the committees the demo disputes need. */
function fixedOrganizations(): OrgSpec[] {
  return [
    {
      key: 'dainan',
      name: '戴南镇人民调解委员会',
      type: 'TOWN_STREET_COMMITTEE',
      regionCode: DEMO_TOWN_DAINAN,
      members: 5,
      specialties: ['邻里', '婚姻家庭', '劳动争议'],
    },
    {
      key: 'zhongying',
      name: `${dainanVillage('321281123200')}人民调解委员会`,
      type: 'VILLAGE_RESIDENTS_COMMITTEE',
      regionCode: '321281123200',
      members: 3,
      specialties: ['邻里', '山林土地'],
    },
    {
      key: 'guzhong',
      name: `${dainanVillage('321281123001')}人民调解委员会`,
      type: 'VILLAGE_RESIDENTS_COMMITTEE',
      regionCode: '321281123001',
      members: 3,
      specialties: ['物业', '邻里'],
    },
    {
      key: 'enterprise',
      name: '江苏戴南特钢有限公司人民调解委员会',
      type: 'ENTERPRISE_COMMITTEE',
      regionCode: DEMO_TOWN_DAINAN,
      members: 3,
      specialties: ['劳动争议'],
    },
    { key: 'medical', name: '兴化市医疗纠纷人民调解委员会', type: 'SECTOR_COMMITTEE', regionCode: '321281', sector: '医疗', members: 5, specialties: ['医疗'] },
    {
      key: 'traffic',
      name: '兴化市道路交通事故纠纷人民调解委员会',
      type: 'SECTOR_COMMITTEE',
      regionCode: '321281',
      sector: '道路交通事故',
      members: 4,
      specialties: ['道路交通事故', '损害赔偿'],
    },
    {
      key: 'police-room',
      name: '戴南派出所驻所人民调解室',
      type: 'STATIONED_ROOM',
      regionCode: DEMO_TOWN_DAINAN,
      stationedAt: '兴化市公安局戴南派出所',
      stationedAgency: 'POLICE',
      members: 3,
      specialties: ['邻里', '损害赔偿'],
    },
    {
      key: 'court-room',
      name: '兴化市人民法院诉调对接人民调解工作室',
      type: 'STATIONED_ROOM',
      regionCode: '321281',
      stationedAt: '兴化市人民法院诉讼服务中心',
      stationedAgency: 'COURT',
      members: 4,
      specialties: ['合同', '婚姻家庭'],
    },
    {
      key: 'petition-room',
      name: '兴化市信访局驻局人民调解工作室',
      type: 'STATIONED_ROOM',
      regionCode: '321281',
      stationedAt: '兴化市信访局',
      stationedAgency: 'PETITION',
      members: 3,
      specialties: ['征地拆迁', '劳动争议'],
    },
    {
      key: 'procuratorate-room',
      name: '兴化市人民检察院检调对接工作室',
      type: 'STATIONED_ROOM',
      regionCode: '321281',
      stationedAt: '兴化市人民检察院',
      stationedAgency: 'PROCURATORATE',
      members: 3,
      specialties: ['损害赔偿'],
    },
    {
      key: 'lawyer-studio',
      name: '江苏昭阳律师事务所律师调解工作室',
      type: 'LAWYER_STUDIO',
      regionCode: '321281',
      members: 3,
      specialties: ['合同', '生产经营'],
    },
  ];
}

/** Which organization mediates a dispute. All of 戴南镇 goes to its town committee (the persona's). */
export function organizationKeyOf(d: Pick<DemoDispute, 'townCode' | 'regionCode' | 'category'>, source: MediationSource): string {
  if (d.townCode === DEMO_TOWN_DAINAN) return 'dainan';
  if (source === 'COURT') return 'court-room';
  if (source === 'PETITION') return 'petition-room';
  if (source === 'PROCURATORATE') return 'procuratorate-room';
  if (d.category === '医疗') return 'medical';
  if (d.category === '道路交通事故') return 'traffic';
  if (d.category === '合同' || d.category === '生产经营') return 'lawyer-studio';
  // Small matters stay in the village ("小事不出村"), the rest goes to the town.
  if (d.regionCode.length === 12 && (source === 'DIRECT_APPLICATION' || source === 'ACTIVE_SCREENING' || source === 'HUB_REFERRAL'))
    return `village:${d.regionCode}`;
  return `town:${d.townCode}`;
}

function generatedOrganization(key: string, d: DemoDispute): OrgSpec {
  if (key.startsWith('village:'))
    return { key, name: committeeOf(d), type: 'VILLAGE_RESIDENTS_COMMITTEE', regionCode: d.regionCode, members: 3, specialties: ['邻里', '婚姻家庭'] };
  const name = townName(d.townCode);
  return {
    key,
    name: `${name === '开发区' ? '兴化经济开发区' : name === '良种场' ? '兴化市良种场' : name}人民调解委员会`,
    type: 'TOWN_STREET_COMMITTEE',
    regionCode: d.townCode,
    members: 3,
    specialties: ['邻里', '合同'],
  };
}

/**
 * The roster: the fixed organizations, then one committee per village or town a mediated demo
 * dispute needs, in the disputes' order; the n-th organization has code `demoCreditCode(n)` (戴南镇's
 * committee has the persona's code).
 */
export function buildRoster(mediated: readonly { dispute: DemoDispute; source: MediationSource }[]): Map<string, DemoOrganization> {
  const specs = new Map(fixedOrganizations().map((o) => [o.key, o]));
  for (const { dispute, source } of mediated) {
    const key = organizationKeyOf(dispute, source);
    if (!specs.has(key)) specs.set(key, generatedOrganization(key, dispute));
  }
  const roster = new Map<string, DemoOrganization>();
  let n = 0;
  for (const spec of specs.values()) {
    n += 1;
    roster.set(spec.key, { ...spec, code: spec.key === 'dainan' ? DAINAN_COMMITTEE_CODE : demoCreditCode(n) });
  }
  return roster;
}
