import { chinaYear } from '@jiefen/calendar';
import { demoPeople } from './people.js';
import { pick, seededRandom } from './random.js';
import { DEMO_COUNTY, demoRegions } from './regions.js';
import { DISPUTE_CATEGORIES, disputeNumberScope, formatDisputeNumber, type DisputeCategory } from '@jiefen/codes';
import { demoId } from './ids.js';
import { buildRoster } from './roster.js';
import type { Channel, DemoDispute, DemoOrganization, MediationSource } from './model.js';
import { storyOf, storyAnchor, chinaDayStart } from './story.js';

/** The categories the demo spreads its disputes over: the statistics' list without the later years' additions. */
const LATER_CATEGORIES: readonly DisputeCategory[] = ['旅游', '知识产权', '互联网'];
export const DEMO_CATEGORIES: readonly DisputeCategory[] = DISPUTE_CATEGORIES.filter((c) => !LATER_CATEGORIES.includes(c));

const SUMMARIES: Record<string, string[]> = {
  婚姻家庭: ['夫妻因子女抚养费给付发生争执', '兄弟间因赡养老人费用分担产生矛盾'],
  邻里: ['相邻两户因排水沟渠堵塞互相指责', '邻居装修噪音扰民引发口角'],
  房屋宅基地: ['两户因宅基地边界认定不一发生争议', '翻建房屋遮挡邻户采光'],
  合同: ['不锈钢加工件买卖合同货款拖欠', '农机租赁合同押金退还争议'],
  生产经营: ['合伙经营养殖场利润分配争议', '个体商户与供货商结算纠纷'],
  损害赔偿: ['饲养的犬只咬伤路人赔偿争议', '施工坠物砸坏车辆赔偿争议'],
  山林土地: ['承包田块界址不清引发争议', '土地流转租金支付争议'],
  征地拆迁: ['拆迁安置面积认定争议', '青苗补偿费分配争议'],
  环境污染: ['小作坊废水排放影响鱼塘', '养殖场异味影响周边居民'],
  劳动争议: ['不锈钢企业拖欠农民工工资', '工伤待遇支付争议'],
  消费: ['购买电动车质量问题退货争议', '预付卡消费退费纠纷'],
  医疗: ['诊所输液后不良反应赔偿争议', '术后并发症责任认定争议'],
  道路交通事故: ['电动自行车与小轿车碰撞赔偿', '农用三轮车追尾事故赔偿'],
  物业: ['小区物业费收缴与服务质量争议', '车位占用引发业主与物业纠纷'],
  其他: ['村民对集体收益分配有异议', '网络购物平台交易纠纷'],
};

/**
 * Days before the seeding day a demo dispute was registered: a few today and this week, some this
 * month, the rest spread over the last hundred days (this quarter and the one before).
 */
const RECENT: Record<number, number> = { 2: 0, 40: 0, 3: 1, 16: 1, 24: 2, 27: 2, 11: 3, 32: 4, 34: 4, 19: 5, 35: 6, 6: 9, 14: 14, 22: 18, 30: 25, 38: 29 };

/**
 * `count` demo disputes spread over 兴化市's towns and villages, most of them in 戴南镇, each with
 * the one story every agency's seed reads its part from: when it came in (relative to `now`, the
 * seeding moment, by whole hours so all six seeds agree), its mediation at justice, the hand-over
 * that brought it there, and where the hub's dispute stands.
 */
export function demoDisputes(count = 40, now: Date = new Date(), seed = 321281): DemoDispute[] {
  const random = seededRandom(seed);
  const people = demoPeople(count * 2 + 10);
  const towns = demoRegions.filter((r) => r.level === 'TOWN');
  const villages = demoRegions.filter((r) => r.level === 'VILLAGE');
  const channels: Channel[] = ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'];
  const anchor = storyAnchor(now);
  const today = chinaDayStart(anchor);
  const disputes: DemoDispute[] = [];
  for (let n = 1; n <= count; n += 1) {
    const town = n % 2 === 0 ? towns.find((t) => t.code === '321281123')! : pick(random, towns);
    const inTown = villages.filter((v) => v.parentCode === town.code);
    const region = inTown.length && random() < 0.8 ? pick(random, inTown) : town;
    const category = pick(random, DEMO_CATEGORIES);
    const spread = random();
    const hour = random();
    const daysAgo = RECENT[n] ?? 10 + Math.floor(spread * 90);
    // Office hours of its day (Beijing); today's arrived in the part of the day already gone.
    const registeredAt =
      daysAgo === 0
        ? new Date(today.getTime() + Math.floor((anchor.getTime() - today.getTime()) * 0.2))
        : new Date(today.getTime() - daysAgo * 86_400_000 + (8 + Math.floor(hour * 9)) * 3_600_000);
    const d: DemoDispute = {
      n,
      id: demoId('dispute', n),
      number: '', // numbered below, once the list is complete
      category,
      channel: pick(random, channels),
      townCode: town.code,
      regionCode: region.code,
      regionName: region.name,
      summary: pick(random, SUMMARIES[category]!),
      peopleInvolved: random() < 0.1 ? 10 + Math.floor(random() * 40) : 2 + Math.floor(random() * 3),
      registeredAt,
      daysAgo,
      parties: [people[(n - 1) * 2]!, people[(n - 1) * 2 + 1]!],
      agencies: {
        justice: n % 4 !== 0,
        court: n % 3 === 0,
        police: category === '邻里' || category === '损害赔偿' || category === '道路交通事故' || n % 5 === 0,
        procuratorate: n % 10 === 0,
        petition: category === '征地拆迁' || category === '劳动争议' || n % 7 === 0,
      },
      mediation: null,
      handOver: null,
      hub: { target: 'REGISTERED' },
    };
    disputes.push(d);
  }
  const mediated = disputes.filter((d) => d.agencies.justice).map((dispute) => ({ dispute, source: sourceOf(dispute) }));
  const roster = buildRoster(mediated);
  const numbers = new Map<number, number>();
  for (const d of disputes) Object.assign(d, storyOf(d, sourceOf(d), roster, anchor, numbers));
  const disputeNumbers = demoDisputeNumbers(disputes);
  for (const d of disputes) d.number = disputeNumbers.get(d.id)!;
  return disputes;
}

/** The roster of mediation organizations the demo disputes need (justice writes it; every hand-over names one of them). */
export function demoRoster(count = 40, now: Date = new Date()): DemoOrganization[] {
  const disputes = demoDisputes(count, now);
  return [...buildRoster(disputes.filter((d) => d.agencies.justice).map((dispute) => ({ dispute, source: sourceOf(dispute) }))).values()];
}

/**
 * The door a mediated dispute came in by, which hands it over to people's mediation: 援调 for one,
 * then the court (诉调), the procuratorate (检调), the police (公调), the petition bureau (访调), the
 * hub's routing (分流转办); the rest was applied for directly or found by screening.
 */
export function sourceOf(d: Pick<DemoDispute, 'n' | 'agencies' | 'channel'>): MediationSource {
  if (d.n === 13) return 'LEGAL_AID';
  if (d.agencies.court) return 'COURT';
  if (d.agencies.procuratorate) return 'PROCURATORATE';
  if (d.agencies.police) return 'POLICE';
  if (d.agencies.petition) return 'PETITION';
  if (d.channel === 'AGENCY_TRANSFER') return 'HUB_REFERRAL';
  if (d.channel === 'GRID_SCREENING') return 'ACTIVE_SCREENING';
  return 'DIRECT_APPLICATION';
}

export { DEMO_COUNTY };

/**
 * The 统一编号 the hub gives each demo dispute — the hub's seed numbers them, and every agency that
 * holds a record about one stores the same number (as the hub's answer to its report would): one
 * sequence per town and year, in the order of the list.
 */
function demoDisputeNumbers(disputes: readonly DemoDispute[]): Map<string, string> {
  const sequence = new Map<string, number>();
  const numbers = new Map<string, string>();
  for (const d of disputes) {
    const year = chinaYear(d.registeredAt);
    const key = `${disputeNumberScope(d.regionCode)}:${year}`;
    const next = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, next);
    numbers.set(d.id, formatDisputeNumber(d.regionCode, year, next));
  }
  return numbers;
}
