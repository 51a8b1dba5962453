import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedContext } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, demoOutgoing, storyAnchor, type DemoDispute } from '@jiefen/demo-data';
import { CHARGES } from '../src/domain/reconciliation.rules.js';
import { ProcuratorateCase } from '../src/entities/procuratorate-case.entity.js';

/**
 * A charge that fits the dispute and allows 刑事和解 (刑诉法 Art 288: crimes arising from civil
 * disputes in chapters 4–5 of the Criminal Law up to 3 years, or negligent crimes up to 7 years).
 */
const CHARGES_BY_CATEGORY: Partial<Record<DemoDispute['category'], string>> = {
  道路交通事故: '交通肇事罪',
  劳动争议: '拒不支付劳动报酬罪',
  合同: '故意毁坏财物罪',
  生产经营: '故意毁坏财物罪',
  消费: '故意毁坏财物罪',
  医疗: '医疗事故罪',
};

const DAY = 86_400_000;

/**
 * The case's state as the story tells it: a case referred to people's mediation (检调) is where its
 * hand-over is — with the committee, reconciled on an agreement, failed otherwise, back under review
 * when refused; the others wait for the procurator (received these last days, or under review).
 */
function stateOf(d: DemoDispute): string {
  const h = d.handOver?.kind === 'PROCURATORATE' ? d.handOver : null;
  if (!h) return d.daysAgo <= 3 || d.n % 20 === 0 ? 'RECEIVED' : 'UNDER_REVIEW';
  if (h.status === 'REJECTED') return 'UNDER_REVIEW';
  if (h.status !== 'CONCLUDED') return 'REFERRED_TO_MEDIATION';
  return d.mediation!.outcome === 'AGREEMENT' ? 'RECONCILED' : 'RECONCILIATION_FAILED';
}

function progressOf(d: DemoDispute, state: string, charge: string | null): Partial<ProcuratorateCase> {
  const progress: Partial<ProcuratorateCase> = {};
  const h = d.handOver?.kind === 'PROCURATORATE' ? d.handOver : null;
  if (!h) return progress;
  progress.referredAt = h.sentAt;
  if (charge) {
    const known = CHARGES[charge] ?? { chapter: 4, negligent: false };
    progress.eligibility = {
      charge,
      ...known,
      arisesFromCivilDispute: true,
      likelySentenceMonths: known.negligent ? 30 : 12,
      intentionalCrimeWithinFiveYears: false,
      suspectRepents: true,
      victimAccepts: true,
    };
  }
  if (state === 'REFERRED_TO_MEDIATION' || state === 'UNDER_REVIEW') return progress;
  const reconciled = state === 'RECONCILED';
  Object.assign(progress, {
    outcome: reconciled ? 'RECONCILED' : 'NOT_RECONCILED',
    outcomeAt: d.mediation!.concludedAt,
    agreementSummary: reconciled ? '犯罪嫌疑人当面赔礼道歉并一次性赔偿被害人经济损失,被害人出具谅解书' : '双方对赔偿数额分歧较大,未达成和解',
  });
  return progress;
}

/** The referral's docking (检调), as the committee's answers left it: the hub's ledger and the committee's case say the same. */
function handOverOf(d: DemoDispute, c: ProcuratorateCase): RequiredEntityData<DockingOutgoing> {
  return {
    ...demoOutgoing(d),
    id: demoId('procuratorate-docking', d.n),
    recordType: 'ProcuratorateCase',
    recordId: c.id,
    recordNumber: c.caseNumber,
    officerName: '周静',
  };
}

/** Cases the 兴化市人民检察院 received: criminal reconciliation, or supervision of a civil case the court decided. */
export async function seedProcuratorate(em: EntityManager, options: SeedContext): Promise<void> {
  const anchor = storyAnchor(options.now);
  let criminal = 0;
  let civil = 0;
  for (const d of demoDisputes(options.disputeCount, options.now).filter((x) => x.agencies.procuratorate)) {
    const referred = d.handOver?.kind === 'PROCURATORATE';
    // A referral came in hours before the hub registered the dispute; a case of the procurator's own up to twenty days after.
    const receivedAt = referred
      ? new Date(d.registeredAt.getTime() - 3 * 3_600_000)
      : new Date(d.registeredAt.getTime() + Math.min(20 * DAY + (d.n % 6) * 3_600_000, (anchor.getTime() - d.registeredAt.getTime()) * 0.5));
    const year = new Date(receivedAt.getTime() + 8 * 3_600_000).getUTCFullYear();
    const supervision = d.agencies.court;
    if (supervision) civil += 1;
    else criminal += 1;
    const charge = supervision ? null : (CHARGES_BY_CATEGORY[d.category] ?? '故意伤害罪(轻伤)');
    const status = stateOf(d);
    const [first, second] = d.parties as [DemoDispute['parties'][number], DemoDispute['parties'][number]];
    const c = em.create(ProcuratorateCase, {
      id: demoId('procuratorate-case', d.n),
      disputeId: d.id,
      disputeNumber: d.number,
      caseNumber: supervision ? `兴检民监〔${year}〕${civil}号` : `兴检刑和〔${year}〕${10 + criminal}号`,
      kind: supervision ? 'CIVIL_SUPERVISION' : 'CRIMINAL_RECONCILIATION',
      charge,
      status,
      regionCode: d.regionCode,
      receivedAt,
      ...(supervision
        ? { applicantName: first.name, applicantPhone: first.phone }
        : { suspectName: second.name, suspectIdNumber: second.idNumber, victimName: first.name, victimPhone: first.phone }),
      ...progressOf(d, status, charge),
    });
    if (referred) em.create(DockingOutgoing, handOverOf(d, c));
  }
  await em.flush();
}
