import { v5 as uuidv5 } from 'uuid';
import { demoPeople, type DemoPerson } from './people.js';
import { pick, seededRandom } from './random.js';
import { DEMO_COUNTY, demoRegions } from './regions.js';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';

/** Namespace of every demo id: the same dispute has the same id in all six databases. */
const NAMESPACE = '6f1d2c1e-3b7a-5c4e-9a0f-2a8e1d5b7c90';

/** A stable UUID for demo record `n` of `kind` (e.g. `demoId('dispute', 3)`). */
export function demoId(kind: string, n: number): string {
  return uuidv5(`${kind}:${n}`, NAMESPACE);
}

/** The categories the demo spreads its disputes over: the statistics' list without the later years' additions. */
const LATER_CATEGORIES: readonly DisputeCategory[] = ['旅游', '知识产权', '互联网'];
export const DEMO_CATEGORIES: readonly DisputeCategory[] = DISPUTE_CATEGORIES.filter((c) => !LATER_CATEGORIES.includes(c));

export type Channel = 'WINDOW' | 'ONLINE' | 'HOTLINE_12348' | 'GRID_SCREENING' | 'AGENCY_TRANSFER';

export interface DemoDispute {
  n: number;
  id: string;
  category: DisputeCategory;
  channel: Channel;
  townCode: string;
  regionCode: string;
  regionName: string;
  summary: string;
  peopleInvolved: number;
  registeredAt: Date;
  parties: DemoPerson[];
  /** Which agencies hold records about it (decided here so every seed agrees). */
  agencies: { justice: boolean; court: boolean; police: boolean; procuratorate: boolean; petition: boolean };
}

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

/** `count` demo disputes spread over 兴化市's towns and villages, most of them in 戴南镇. */
export function demoDisputes(count = 40, seed = 321281): DemoDispute[] {
  const random = seededRandom(seed);
  const people = demoPeople(count * 2 + 10);
  const towns = demoRegions.filter((r) => r.level === 'TOWN');
  const villages = demoRegions.filter((r) => r.level === 'VILLAGE');
  const channels: Channel[] = ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'];
  const disputes: DemoDispute[] = [];
  for (let n = 1; n <= count; n += 1) {
    const town = n % 2 === 0 ? towns.find((t) => t.code === '321281123')! : pick(random, towns);
    const inTown = villages.filter((v) => v.parentCode === town.code);
    const region = inTown.length && random() < 0.8 ? pick(random, inTown) : town;
    const category = pick(random, DEMO_CATEGORIES);
    const registeredAt = new Date(Date.UTC(2026, 8, 1) + Math.floor(random() * 80) * 86_400_000 + Math.floor(random() * 9 + 8) * 3_600_000);
    disputes.push({
      n,
      id: demoId('dispute', n),
      category,
      channel: pick(random, channels),
      townCode: town.code,
      regionCode: region.code,
      regionName: region.name,
      summary: pick(random, SUMMARIES[category]!),
      peopleInvolved: random() < 0.1 ? 10 + Math.floor(random() * 40) : 2 + Math.floor(random() * 3),
      registeredAt,
      parties: [people[(n - 1) * 2]!, people[(n - 1) * 2 + 1]!],
      agencies: {
        justice: n % 4 !== 0,
        court: n % 3 === 0,
        police: category === '邻里' || category === '损害赔偿' || category === '道路交通事故' || n % 5 === 0,
        procuratorate: n % 10 === 0,
        petition: category === '征地拆迁' || category === '劳动争议' || n % 7 === 0,
      },
    });
  }
  return disputes;
}

export { DEMO_COUNTY };
