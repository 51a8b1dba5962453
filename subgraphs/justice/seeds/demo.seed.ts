import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, stationShortName, committeeOf, type DemoDispute } from '@jiefen/demo-data';
import { MediationCase } from '../src/entities/mediation-case.entity.js';

const MEDIATORS = ['顾国平', '周桂芳', '王建华', '陈秀兰', '朱德胜', '徐志刚', '沈玉琴', '吴长林', '刘爱华', '钱宏伟', '蒋春梅', '陆永明'];

/** Where a dispute is sent or goes first depends on who else holds it (decided by demo-data). */
function sourceOf(d: DemoDispute): string {
  if (d.agencies.court) return 'COURT';
  if (d.agencies.police) return 'POLICE';
  if (d.agencies.petition) return 'PETITION';
  if (d.agencies.procuratorate) return 'PROCURATORATE';
  if (d.channel === 'GRID_SCREENING') return 'ACTIVE_SCREENING';
  if (d.channel === 'AGENCY_TRANSFER') return 'HUB_REFERRAL';
  return 'DIRECT_APPLICATION';
}

function organizationOf(d: DemoDispute, source: string): string {
  switch (source) {
    case 'COURT':
      return '兴化市人民法院诉讼服务中心特邀调解工作室';
    case 'POLICE':
      return `${stationShortName(d.townCode)}派出所驻所人民调解室`;
    case 'PETITION':
      return '兴化市信访事项人民调解委员会';
    case 'PROCURATORATE':
      return '兴化市人民检察院检调对接工作室';
    default:
      // Village and community committees (人民调解法 Art 8) take the simple cases of their own place.
      return committeeOf(d);
  }
}

/** Concluded with agreement most of the time; a few still open, failed or terminated. */
function resultOf(n: number): { status: string; outcome: string | null } {
  if (n % 11 === 0) return { status: 'CONCLUDED', outcome: 'TERMINATED' };
  if (n % 5 === 0) return { status: 'ACCEPTED', outcome: null };
  if (n % 7 === 0) return { status: 'CONCLUDED', outcome: 'NO_AGREEMENT' };
  return { status: 'CONCLUDED', outcome: 'AGREEMENT' };
}

/** Mediation cases the 兴化市 people's mediation organizations accepted for the demo disputes. */
export async function seedJustice(em: EntityManager, options: SeedOptions): Promise<void> {
  let n = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.justice)) {
    n += 1;
    const source = sourceOf(d);
    em.create(MediationCase, {
      id: demoId('mediation-case', d.n),
      disputeId: d.id,
      caseNumber: `兴司调〔${d.registeredAt.getUTCFullYear()}〕${String(n).padStart(4, '0')}号`,
      organizationName: organizationOf(d, source),
      mediatorName: MEDIATORS[d.n % MEDIATORS.length]!,
      source,
      ...resultOf(d.n),
      regionCode: d.regionCode,
      acceptedAt: new Date(d.registeredAt.getTime() + 86_400_000 + (d.n % 4) * 3_600_000),
    });
  }
  await em.flush();
}
