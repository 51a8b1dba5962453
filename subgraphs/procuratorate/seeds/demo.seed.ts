import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { committeeOf, demoDisputes, demoId, type DemoDispute } from '@jiefen/demo-data';
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

/** Criminal cases cycle through the workflow's states so the demo shows each of them. */
const CRIMINAL_STATES = ['CONCLUDED', 'REFERRED_TO_MEDIATION', 'RECONCILED', 'UNDER_REVIEW', 'RECONCILIATION_FAILED', 'RECEIVED'] as const;
const DAY = 86_400_000;

function progressOf(d: DemoDispute, state: string, receivedAt: Date, charge: string | null): Partial<ProcuratorateCase> {
  const progress: Partial<ProcuratorateCase> = {};
  if (state === 'RECEIVED' || state === 'UNDER_REVIEW') return progress;
  const referredAt = new Date(receivedAt.getTime() + 3 * DAY);
  progress.referredAt = referredAt;
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
  if (state === 'REFERRED_TO_MEDIATION') return progress;
  const reconciled = state !== 'RECONCILIATION_FAILED';
  Object.assign(progress, {
    outcome: reconciled ? 'RECONCILED' : 'NOT_RECONCILED',
    outcomeAt: new Date(referredAt.getTime() + 10 * DAY),
    agreementSummary: reconciled ? '犯罪嫌疑人当面赔礼道歉并一次性赔偿被害人经济损失,被害人出具谅解书' : '双方对赔偿数额分歧较大,未达成和解',
  });
  if (state === 'CONCLUDED') {
    Object.assign(progress, {
      decision: 'NO_PROSECUTION',
      decisionNote: '达成和解协议并已履行,犯罪情节轻微,依法作出不起诉决定',
      concludedAt: new Date(referredAt.getTime() + 20 * DAY),
    });
  }
  return progress;
}

/** The referral's docking: its id is the hub's ledger entry for this dispute's 检调 (see the governance seed). */
function handOverOf(d: DemoDispute, c: ProcuratorateCase): RequiredEntityData<DockingOutgoing> {
  const concluded = c.outcome
    ? {
        status: 'CONCLUDED' as const,
        concludedAt: c.outcomeAt,
        outcome: c.outcome === 'RECONCILED' ? ('AGREEMENT' as const) : ('NO_AGREEMENT' as const),
        outcomeSummary: c.agreementSummary,
      }
    : {};
  return {
    id: demoId('procuratorate-docking', d.n),
    dockingId: demoId('docking-PROCURATORATE', d.n),
    fromAgency: 'PROCURATORATE',
    toAgency: 'JUSTICE',
    kind: 'PROCURATORATE',
    mode: c.kind === 'CIVIL_SUPERVISION' ? 'TRANSFER' : 'COMMISSION',
    recordType: 'ProcuratorateCase',
    recordId: c.id,
    recordNumber: c.caseNumber,
    regionCode: c.regionCode,
    organizationCode: null,
    organizationName: committeeOf(d),
    officerName: null,
    sentAt: c.referredAt!,
    status: 'ACCEPTED',
    acceptedAt: new Date(c.referredAt!.getTime() + DAY),
    ...concluded,
  };
}

/** Cases the 兴化市人民检察院 received: criminal reconciliation, or supervision of a civil case the court decided. */
export async function seedProcuratorate(em: EntityManager, options: SeedOptions): Promise<void> {
  let criminal = 0;
  let civil = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.procuratorate)) {
    const year = d.registeredAt.getUTCFullYear();
    const supervision = d.agencies.court;
    if (supervision) civil += 1;
    else criminal += 1;
    const receivedAt = new Date(d.registeredAt.getTime() + 20 * DAY + (d.n % 6) * 3_600_000);
    const charge = supervision ? null : (CHARGES_BY_CATEGORY[d.category] ?? '故意伤害罪(轻伤)');
    const status = supervision ? (civil % 2 === 1 ? 'REFERRED_TO_MEDIATION' : 'UNDER_REVIEW') : CRIMINAL_STATES[(criminal - 1) % CRIMINAL_STATES.length]!;
    const [first, second] = d.parties as [DemoDispute['parties'][number], DemoDispute['parties'][number]];
    const c = em.create(ProcuratorateCase, {
      id: demoId('procuratorate-case', d.n),
      disputeId: d.id,
      caseNumber: supervision ? `兴检民监〔${year}〕${civil}号` : `兴检刑和〔${year}〕${10 + criminal}号`,
      kind: supervision ? 'CIVIL_SUPERVISION' : 'CRIMINAL_RECONCILIATION',
      charge,
      status,
      regionCode: d.regionCode,
      receivedAt,
      ...(supervision
        ? { applicantName: first.name, applicantPhone: first.phone }
        : { suspectName: second.name, suspectIdNumber: second.idNumber, victimName: first.name, victimPhone: first.phone }),
      ...progressOf(d, status, receivedAt, charge),
    });
    if (c.referredAt) em.create(DockingOutgoing, handOverOf(d, c));
  }
  await em.flush();
}
