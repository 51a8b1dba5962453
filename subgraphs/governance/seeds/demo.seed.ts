import { chinaMidnight, chinaYear } from '@jiefen/calendar';
import type { EntityManager } from '@mikro-orm/core';
import type { SeedContext } from '@jiefen/subgraph-kit';
import { personKey } from '@jiefen/auth';
import { DockingOutgoing } from '@jiefen/docking';
import {
  committeeOf,
  DEMO_COUNTY,
  DEMO_OUTCOME_SUMMARIES,
  DEMO_REJECTION_REASON,
  demoDisputes,
  demoId,
  demoOutgoing,
  demoPopulation,
  demoRegions,
  placeOf,
  storyAnchor,
  type DemoDispute,
} from '@jiefen/demo-data';
import { disputeDueAt } from '../src/domain/clocks.js';
import { DISPUTE_EVENT_NAMES, disputeWorkflow, type DisputeEvent, type DisputeState } from '../src/domain/dispute.workflow.js';
import { warningsAtEscalation, warningsAtRegistration, riskAfter, type Warning } from '../src/domain/early-warning.js';
import { confirmByAfter, dockingClockDates, dockingDueAt, ROUTED_RECORD, type DockingStatus } from '../src/domain/docking.js';
import { periodContaining, periodsEndingIn, type ScreeningCadence } from '../src/domain/screening.js';
import { nextTier, TIER_NAMES, tierOfRegion, TIERS, type RiskLevel, type Tier } from '../src/domain/tiers.js';
import { DisputeActivity } from '../src/entities/dispute-activity.entity.js';
import { DisputeDocument } from '../src/entities/dispute-document.entity.js';
import { DisputeNotice } from '../src/entities/dispute-notice.entity.js';
import { DisputeNumberCounter } from '../src/entities/dispute-number-counter.entity.js';
import { DisputeParty } from '../src/entities/dispute-party.entity.js';
import { Dispute } from '../src/entities/dispute.entity.js';
import { DockingEvent } from '../src/entities/docking-event.entity.js';
import { Docking } from '../src/entities/docking.entity.js';
import { Escalation } from '../src/entities/escalation.entity.js';
import { MediationAttempt } from '../src/entities/mediation-attempt.entity.js';
import { Region } from '../src/entities/region.entity.js';
import { RiskAlert } from '../src/entities/risk-alert.entity.js';
import { ScreeningFinding } from '../src/entities/screening-finding.entity.js';
import { ScreeningReport } from '../src/entities/screening-report.entity.js';
import { ServiceItem } from '../src/entities/service-item.entity.js';
import { scanOverdue } from '../src/services/supervision.service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HUB = { subject: 'hub-coordinator-002', name: '朱晓燕' };
const MEDIATORS = ['顾国平', '周桂芳', '王建华', '陈秀兰', '朱德胜', '徐志刚'];

/** 服务清单 of the demo county. */
const SERVICE_ITEMS = [
  ['FW-001', '人民调解', '《中华人民共和国人民调解法》', 'VILLAGE', '村(社区)人民调解委员会', '双方当事人自愿', '身份证明;纠纷情况说明'],
  [
    'FW-002',
    '诉前调解(委派调解)',
    '《最高人民法院关于人民法院特邀调解的规定》',
    'COUNTY',
    '兴化市人民法院诉讼服务中心',
    '已向法院起诉、适宜调解的民事纠纷',
    '起诉状;身份证明;证据材料',
  ],
  [
    'FW-003',
    '司法确认',
    '《中华人民共和国民事诉讼法》第二百零一条',
    'COUNTY',
    '兴化市人民法院',
    '调解协议生效之日起 30 日内双方共同申请',
    '调解协议;身份证明;司法确认申请书',
  ],
  ['FW-004', '法律援助', '《中华人民共和国法律援助法》', 'COUNTY', '兴化市法律援助中心', '经济困难或法定援助情形', '申请表;经济状况说明;身份证明'],
  [
    'FW-005',
    '劳动人事争议仲裁',
    '《中华人民共和国劳动争议调解仲裁法》',
    'COUNTY',
    '兴化市劳动人事争议仲裁委员会',
    '劳动争议发生之日起一年内',
    '仲裁申请书;劳动关系证明',
  ],
  ['FW-006', '信访事项办理', '《信访工作条例》', 'COUNTY', '兴化市信访局', '依法不属于诉讼、仲裁、行政复议途径的事项', '信访材料;身份证明'],
] as const;

function pathTo(target: DisputeState, tier: Tier, extraAttempts: number): DisputeEvent[] {
  if (target === 'REGISTERED') return [];
  if (target === 'ROUTED') return ['ROUTE', 'NOTIFY'];
  if (target === 'GUIDED_TO_LITIGATION') return ['ROUTE', 'NOTIFY', 'REFUSE'];
  const climb: DisputeEvent[] = [];
  for (let t: Tier = 'VILLAGE'; t !== tier; t = nextTier(t)!) climb.push('RECORD_ATTEMPT', 'RECORD_ATTEMPT', 'RECORD_ATTEMPT', 'ESCALATE');
  const mediation: DisputeEvent[] = ['ROUTE', 'NOTIFY', 'CONSENT', ...climb, ...Array<DisputeEvent>(extraAttempts).fill('RECORD_ATTEMPT')];
  if (target === 'IN_MEDIATION') return mediation;
  const ended: DisputeEvent[] = [...mediation, 'RECORD_ATTEMPT', target === 'UNRESOLVED' ? 'FAIL' : 'RESOLVE'];
  if (target === 'RESOLVED' || target === 'UNRESOLVED') return ended;
  const rest: DisputeEvent[] = ['REQUEST_REVIEW', 'APPROVE', 'CLOSE'];
  return [...ended, ...rest.slice(0, ['UNDER_REVIEW', 'REVIEWED', 'CLOSED'].indexOf(target) + 1)];
}

/** 兴化市's regions, the service list, the demo disputes walked through the workflow, screening, alerts, dockings and supervision. */
export async function seedGovernance(em: EntityManager, options: SeedContext): Promise<void> {
  const anchor = storyAnchor(options.now);
  for (const row of demoRegions) em.create(Region, { ...row, population: demoPopulation[row.code] ?? null });
  for (const [code, name, legalBasis, level, handlingBody, conditions, materials] of SERVICE_ITEMS) {
    em.create(ServiceItem, {
      id: demoId('service-item', Number(code.slice(3))),
      code,
      name,
      regionCode: DEMO_COUNTY,
      legalBasis,
      level,
      handlingBody,
      conditions,
      materials,
    });
  }
  const disputes = demoDisputes(options.disputeCount, options.now);
  // The numbers every agency's seed stores on its records too (packages/demo-data).
  const numbers = new Map(disputes.map((d) => [d.id, d.number]));
  for (const d of disputes) {
    const dispute = em.create(Dispute, {
      id: d.id,
      number: numbers.get(d.id)!,
      category: d.category,
      channel: d.channel,
      summary: d.summary,
      claims: `请求依法调处:${d.summary}`,
      regionCode: d.regionCode,
      peopleInvolved: d.peopleInvolved,
      registeredAt: d.registeredAt,
      stateSince: d.registeredAt,
      dueAt: disputeDueAt('REGISTERED', 'VILLAGE', d.registeredAt),
      timelineLength: 1,
      firstContactSubject: HUB.subject,
      firstContactName: HUB.name,
      firstContactOrganization: '11321281014090055E',
    });
    d.parties.forEach((person, i) => {
      em.create(DisputeParty, {
        id: demoId(`party-${i}`, d.n),
        disputeId: d.id,
        role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone,
        address: `江苏省兴化市${placeOf(d)}${(d.n % 9) + 1}组${10 + ((d.n * 7 + i) % 40)}号`,
        birthDate: person.birthDate,
        personKey: personKey(options.personKeySecret, person.idNumber),
        position: i,
      });
    });
    em.create(DisputeActivity, {
      id: demoId('activity-1', d.n),
      disputeId: d.id,
      sequence: 1,
      type: 'REGISTER',
      toStatus: 'REGISTERED',
      at: d.registeredAt,
      actorSubject: HUB.subject,
      actorName: HUB.name,
      summary: `统一受理登记(${d.channel}),编号 ${dispute.number}`,
    });
    em.create(DisputeDocument, {
      id: demoId('document-claim', d.n),
      disputeId: d.id,
      kind: 'CLAIM',
      title: '纠纷调解申请书',
      fileName: `申请书-${d.n}.pdf`,
      mediaType: 'application/pdf',
      recordedAt: d.registeredAt,
      recordedByName: HUB.name,
    });
    raise(
      em,
      dispute,
      warningsAtRegistration({ peopleInvolved: d.peopleInvolved, category: d.category, priorDisputesByParty: [] }),
      d.registeredAt,
      d.n,
      'reg',
    );
    walk(em, d, dispute, anchor);
  }
  // New registrations continue each town's sequence: the last number of each town and year.
  const last = new Map<string, number>();
  for (const number of numbers.values()) {
    const [scope, year, sequence] = number.split('-');
    const key = `${scope}:${year}`;
    last.set(key, Math.max(last.get(key) ?? 0, Number(sequence)));
  }
  for (const [key, sequence] of last) {
    const [scope, year] = key.split(':');
    em.create(DisputeNumberCounter, { scope: scope!, year: Number(year), last: sequence });
  }
  // 人工预警: the dispute with the most people involved.
  const crowd = disputes.reduce((a, b) => (b.peopleInvolved > a.peopleInvolved ? b : a));
  em.create(RiskAlert, {
    id: demoId('alert-manual', crowd.n),
    disputeId: crowd.id,
    regionCode: crowd.regionCode,
    level: 'CRITICAL',
    rule: 'MANUAL',
    reason: '涉及人数多、情绪激烈,可能引发群体性事件',
    raisedAt: new Date(crowd.registeredAt.getTime() + 2 * HOUR),
    raisedByName: HUB.name,
  });
  em.getReference(Dispute, crowd.id).riskLevel = 'CRITICAL';
  seedScreening(em, disputes, anchor);
  for (const d of disputes) seedDocking(em, d, numbers.get(d.id)!);
  await em.flush();
  await seedScreeningHistory(em, anchor);
  await scanOverdue(em, anchor);
}

function raise(em: EntityManager, dispute: Dispute, warnings: Warning[], at: Date, n: number, tag: string): void {
  warnings.forEach((w, i) =>
    em.create(RiskAlert, {
      id: demoId(`alert-${tag}-${i}`, n),
      disputeId: dispute.id,
      regionCode: dispute.regionCode,
      level: w.level,
      rule: w.rule,
      reason: w.reason,
      raisedAt: at,
    }),
  );
  dispute.riskLevel = riskAfter(dispute.riskLevel as RiskLevel, warnings);
}

/** The tier the hub's own disputes are handled at (every fourth is the hub's alone): each tier in turn. */
const hubTierOf = (d: DemoDispute): Tier => TIERS[(Math.floor(d.n / 4) + 1) % 3]!;

interface Step {
  event: DisputeEvent;
  at: Date;
}

/**
 * The steps of a demo dispute's story at the hub, each with when it happened (never after the
 * anchor): a dispute another agency handed to a committee follows that hand-over (accepted →
 * sessions as attempts → concluded) as the ledger's events move it; one the hub routed itself is
 * routed, notified and consented first (the hand-over opens at the consent); one the committee took
 * directly is mediated at the hub's posts; the hub's own disputes walk to their target. A resolved
 * dispute then goes through the closing review as far as the story says.
 */
function stepsOf(d: DemoDispute, anchor: Date): Step[] {
  const m = d.mediation;
  const steps: Step[] = [];
  const spread = (events: readonly DisputeEvent[], from: Date, to: Date) =>
    events.forEach((event, i) => steps.push({ event, at: new Date(from.getTime() + ((to.getTime() - from.getTime()) * (i + 1)) / (events.length + 1)) }));
  const before = (at: Date) => (at > anchor ? anchor : at);
  if (!m) {
    const path = pathTo(d.hub.target, hubTierOf(d), d.n % 3);
    spread(path, d.registeredAt, before(new Date(d.registeredAt.getTime() + (path.length + 1) * 12 * HOUR)));
    return steps;
  }
  const h = d.handOver;
  const docked = h !== null;
  if (!docked || h.kind === 'HUB') {
    // 研判分流 → 一次性告知 before the case reaches the committee; the consent hands it over (or starts the hub's own mediation).
    spread(['ROUTE', 'NOTIFY'], d.registeredAt, m.receivedAt);
    if (docked) steps.push({ event: 'CONSENT', at: m.receivedAt });
    else if (m.acceptedAt) steps.push({ event: 'CONSENT', at: m.acceptedAt });
  }
  if (docked && m.acceptedAt) steps.push({ event: 'DOCKING_ACCEPTED', at: m.acceptedAt });
  for (const at of m.sessionsAt) steps.push({ event: 'RECORD_ATTEMPT', at });
  if (m.concludedAt) {
    const agreed = m.outcome === 'AGREEMENT';
    steps.push({
      event: docked ? (agreed ? 'DOCKING_CONCLUDED_AGREEMENT' : 'DOCKING_CONCLUDED_NO_AGREEMENT') : agreed ? 'RESOLVE' : 'FAIL',
      at: m.concludedAt,
    });
    const review: DisputeEvent[] = ['REQUEST_REVIEW', 'APPROVE', 'CLOSE'];
    const upTo = ['UNDER_REVIEW', 'REVIEWED', 'CLOSED'].indexOf(d.hub.target) + 1;
    spread(review.slice(0, upTo), m.concludedAt, before(new Date(m.concludedAt.getTime() + 4 * DAY)));
  }
  return steps;
}

const DOCKING_EVENTS: readonly DisputeEvent[] = ['DOCKING_ACCEPTED', 'DOCKING_CONCLUDED_AGREEMENT', 'DOCKING_CONCLUDED_NO_AGREEMENT'];

/** Walks a demo dispute through the same workflow the services use, along its story. */
function walk(em: EntityManager, d: DemoDispute, dispute: Dispute, anchor: Date): void {
  const staff = { roles: ['STAFF', 'SUPERVISOR'] };
  const org = d.mediation?.organization ?? null;
  const docked = d.handOver !== null;
  let state: DisputeState = 'REGISTERED';
  let attempts = 0;
  let notices = 0;
  for (const { event, at } of stepsOf(d, anchor)) {
    const from: DisputeState = state;
    // The receiving organization's reports come by docking (actor DOCKING); everything else is the hub's posts.
    const actor = DOCKING_EVENTS.includes(event) || (event === 'RECORD_ATTEMPT' && docked) ? 'DOCKING' : staff;
    state = disputeWorkflow.transition(state, event, actor, { noticesGiven: notices });
    let summary: string = DISPUTE_EVENT_NAMES[event];
    switch (event) {
      case 'ROUTE': {
        const unit = org ?? { name: committeeOf(d), code: null, regionCode: d.regionCode };
        const tier = org ? tierOfRegion(org.regionCode) : pathTo(d.hub.target, hubTierOf(d), 0).includes('ESCALATE') ? 'VILLAGE' : hubTierOf(d);
        Object.assign(dispute, {
          responsibleUnitKind: 'MEDIATION_ORGANIZATION',
          responsibleUnitName: unit.name,
          responsibleUnitCode: unit.code,
          routingReason: `${d.category}纠纷,事实较清楚,适宜人民调解`,
          routedAt: at,
          method: 'PEOPLES_MEDIATION',
          tier,
        });
        summary = `分流至${unit.name}`;
        break;
      }
      case 'NOTIFY':
        notices += 1;
        em.create(DisputeNotice, {
          id: demoId('notice', d.n),
          disputeId: d.id,
          serviceItemCodes: ['FW-001', 'FW-003'],
          form: 'WRITTEN',
          givenAt: at,
          givenByName: HUB.name,
        });
        break;
      case 'CONSENT':
      case 'REFUSE':
        Object.assign(dispute, { consent: event === 'CONSENT' ? 'CONSENTED' : 'REFUSED', consentAt: at });
        if (event === 'REFUSE') Object.assign(dispute, { closingOpinion: '当事人不同意调解,已告知诉讼途径', closedAt: at });
        if (event === 'CONSENT' && d.handOver?.kind === 'HUB') summary = `当事人同意调解;已移交${org!.name}(分流转办)`;
        break;
      case 'DOCKING_ACCEPTED': {
        const tier = tierOfRegion(org!.regionCode);
        if (tier !== dispute.tier) Object.assign(dispute, { tier, attemptsAtTier: 0 });
        dispute.method ??= 'PEOPLES_MEDIATION';
        if (!dispute.responsibleUnitName) Object.assign(dispute, { responsibleUnitKind: 'MEDIATION_ORGANIZATION', responsibleUnitName: org!.name });
        summary = `${org!.name}受理(${TIER_NAMES[tier]}层级),案号 ${d.mediation!.caseNumber}`;
        break;
      }
      case 'RECORD_ATTEMPT':
        attempts += 1;
        dispute.attemptsAtTier += 1;
        em.create(MediationAttempt, {
          id: demoId(`attempt-${attempts}`, d.n),
          disputeId: d.id,
          sequence: attempts,
          tier: dispute.tier,
          attemptedAt: at,
          mediatorName: docked ? org!.name.slice(0, 50) : MEDIATORS[(d.n + attempts) % MEDIATORS.length]!,
          summary: '组织双方面对面协商,释法明理',
          recordedByName: docked ? org!.name.slice(0, 50) : HUB.name,
        });
        summary = `${TIER_NAMES[dispute.tier as Tier]}第 ${dispute.attemptsAtTier} 次调解`;
        break;
      case 'ESCALATE': {
        const toTier = nextTier(dispute.tier as Tier)!;
        em.create(Escalation, {
          id: demoId(`escalation-${toTier}`, d.n),
          disputeId: d.id,
          fromTier: dispute.tier,
          toTier,
          attemptsAtFromTier: dispute.attemptsAtTier,
          override: false,
          riskLevel: dispute.riskLevel,
          escalatedAt: at,
          escalatedByName: HUB.name,
        });
        summary = `由${TIER_NAMES[dispute.tier as Tier]}上交${TIER_NAMES[toTier]}化解`;
        Object.assign(dispute, { tier: toTier, attemptsAtTier: 0 });
        raise(em, dispute, warningsAtEscalation({ toTier, override: false }), at, d.n, `esc-${toTier}`);
        break;
      }
      case 'RESOLVE':
      case 'DOCKING_CONCLUDED_AGREEMENT':
        Object.assign(dispute, { outcome: 'RESOLVED', outcomeSummary: '双方达成调解协议', resolvedAt: at });
        if (event === 'DOCKING_CONCLUDED_AGREEMENT') summary = `${org!.name}反馈:达成调解协议,待提请协调督办岗研判结案`;
        em.create(DisputeDocument, {
          id: demoId('document-agreement', d.n),
          disputeId: d.id,
          kind: 'AGREEMENT',
          title: '人民调解协议书',
          fileName: `协议书-${d.n}.pdf`,
          mediaType: 'application/pdf',
          recordedAt: at,
          recordedByName: HUB.name,
        });
        break;
      case 'FAIL':
      case 'DOCKING_CONCLUDED_NO_AGREEMENT':
        Object.assign(dispute, { outcome: 'UNRESOLVED', outcomeSummary: d.mediation?.outcome === 'TERMINATED' ? '终止调解' : '双方分歧较大,调解未成' });
        if (event === 'DOCKING_CONCLUDED_NO_AGREEMENT')
          summary = `${org!.name}反馈:${dispute.outcomeSummary}。可上交上级化解、调整化解方式,或经研判引导当事人诉讼`;
        break;
      case 'APPROVE':
        Object.assign(dispute, { reviewOpinion: '化解过程完整,同意终结', reviewerName: HUB.name, reviewedAt: at });
        break;
      case 'CLOSE':
        Object.assign(dispute, { closingOpinion: '纠纷已化解,结案归档', closedAt: at });
        break;
      default:
        break;
    }
    if (state !== from || event === 'ESCALATE') dispute.stateSince = at;
    dispute.timelineLength += 1;
    em.create(DisputeActivity, {
      id: demoId(`activity-${dispute.timelineLength}`, d.n),
      disputeId: d.id,
      sequence: dispute.timelineLength,
      type: event,
      fromStatus: from,
      toStatus: state,
      at,
      actorSubject: actor === 'DOCKING' ? `docking:${d.handOver!.dockingId}` : HUB.subject,
      actorName: actor === 'DOCKING' ? (org?.name ?? HUB.name) : HUB.name,
      summary,
    });
  }
  dispute.status = state;
  dispute.dueAt = disputeDueAt(state, dispute.tier as Tier, dispute.stateSince ?? d.registeredAt);
}

/** Weekly reports from 戴南镇's villages and half-monthly ones from the towns; some missing (overdue), most zero reports. */
function seedScreening(em: EntityManager, disputes: DemoDispute[], anchor: Date): void {
  const villages = demoRegions.filter((r) => r.parentCode === '321281123' && r.level === 'VILLAGE' && !r.name.includes('虚拟'));
  const towns = demoRegions.filter((r) => r.level === 'TOWN');
  const gridDisputes = disputes.filter((d) => d.channel === 'GRID_SCREENING' && d.regionCode.length === 12);
  let n = 0;
  const report = (regionCode: string, periodKey: string, cadence: string, submittedAt: Date, finding: DemoDispute | null) => {
    n += 1;
    const id = demoId('screening-report', n);
    em.create(ScreeningReport, {
      id,
      regionCode,
      periodKey,
      cadence,
      zeroReport: !finding,
      findingCount: finding ? 1 : 0,
      submittedAt,
      submittedBySubject: HUB.subject,
      submittedByName: '网格员',
    });
    if (finding) {
      em.create(ScreeningFinding, {
        id: demoId('screening-finding', n),
        reportId: id,
        position: 0,
        regionCode,
        category: finding.category,
        cause: finding.summary,
        occurredOn: finding.registeredAt.toISOString().slice(0, 10),
        place: placeOf(finding),
        peopleInvolved: finding.peopleInvolved,
        keyPersons: finding.parties.map((p) => p.name).join('、'),
        forecast: finding.peopleInvolved >= 10 ? 'LIKELY_ESCALATE' : 'MAY_ESCALATE',
        disputeId: finding.id,
      });
    }
  };
  // The last three weeks before this one, and the last half month before the current one.
  for (const weeksAgo of [3, 2, 1]) {
    const period = periodContaining('WEEKLY', new Date(anchor.getTime() - weeksAgo * 7 * DAY));
    villages.forEach((v, i) => {
      // Roughly one village in five misses the week's report: listed as overdue.
      if ((i + weeksAgo * 2) % 5 === 0) return;
      const finding = gridDisputes.find((g) => g.regionCode === v.code && periodContaining('WEEKLY', g.registeredAt).key === period.key) ?? null;
      report(v.code, period.key, 'WEEKLY', new Date(period.to.getTime() - 10 * HOUR), finding);
    });
  }
  const half = periodContaining('HALF_MONTHLY', new Date(periodContaining('HALF_MONTHLY', anchor).from.getTime() - DAY));
  towns.forEach((t, i) => {
    if (i % 4 !== 3) report(t.code, half.key, 'HALF_MONTHLY', new Date(half.to.getTime() - 10 * HOUR), null);
  });
}

/**
 * The year's earlier screening, so that a leader's dashboard shows the county's real habit, not only
 * the story's last weeks: every village's weekly and every town's half-monthly 零报告 from 1 January
 * up to the periods `seedScreening` writes (before its three weeks and its half month), about one in
 * twenty missing. One INSERT … SELECT over the region tree; ids derived from region and period, so a
 * second seed writes the same rows.
 */
async function seedScreeningHistory(em: EntityManager, anchor: Date): Promise<void> {
  const yearStart = chinaMidnight(chinaYear(anchor), 1, 1);
  const cutoffs: Record<ScreeningCadence, Date> = {
    WEEKLY: periodContaining('WEEKLY', new Date(anchor.getTime() - 3 * 7 * DAY)).from,
    HALF_MONTHLY: periodContaining('HALF_MONTHLY', new Date(periodContaining('HALF_MONTHLY', anchor).from.getTime() - DAY)).from,
  };
  for (const cadence of ['WEEKLY', 'HALF_MONTHLY'] as const) {
    const periods = periodsEndingIn(cadence, yearStart, cutoffs[cadence]);
    if (periods.length === 0) continue;
    await em.getConnection().execute(
      `insert into screening_report (id, region_code, period_key, cadence, zero_report, finding_count, submitted_at, submitted_by_subject, submitted_by_name)
       select md5('screening-history|' || r.code || '|' || p.key)::uuid, r.code, p.key, ?, true, 0, p.ends - interval '10 hours', ?, '网格员'
       from region r cross join unnest(array[?]::text[], array[?]::timestamptz[]) as p(key, ends)
       where r.code like '321281%' and length(r.code) = ? and r.name not like '%虚拟%' and abs(hashtext(r.code || p.key)) % 20 <> 0
       on conflict do nothing`,
      [cadence, HUB.subject, periods.map((p) => p.key), periods.map((p) => p.to), cadence === 'WEEKLY' ? 12 : 9],
      'run',
      // Inside the seed's transaction: the region rows flushed just before are not committed yet.
      em.getTransactionContext(),
    );
  }
}

const OUTCOMES = { AGREEMENT: 'SETTLED', NO_AGREEMENT: 'NOT_SETTLED', TERMINATED: 'TERMINATED' } as const;
const MODE_NAMES = { TRANSFER: '移交', REFERRAL: '转介', ENTRUST: '委派', COMMISSION: '委托' } as const;

/**
 * The ledger entry of the dispute's hand-over as the story tells it — the same docking id, receiver,
 * status and outcome as the sender's docking_outgoing row and justice's case — with its events; for
 * the hub's own routing (分流转办) also the hub's outgoing row.
 */
function seedDocking(em: EntityManager, d: DemoDispute, disputeNumber: string): void {
  const h = d.handOver;
  const m = d.mediation;
  if (!h || !m) return;
  const { acceptBy, concludeBy } = dockingClockDates(h.kind, h.mode, h.sentAt);
  const outcome = m.outcome ? OUTCOMES[m.outcome] : null;
  const confirmBy = m.concludedAt && m.outcome === 'AGREEMENT' ? confirmByAfter(m.concludedAt) : null;
  const status: DockingStatus = h.status;
  const events: [string, string, string, Date][] = [['DockingRequested', h.fromAgency, `${h.from.name}${MODE_NAMES[h.mode]}${h.to.name}`, h.sentAt]];
  if (m.rejectedAt) events.push(['DockingRejected', 'JUSTICE', `不予受理:${DEMO_REJECTION_REASON}`, m.rejectedAt]);
  if (m.acceptedAt) events.push(['DockingAccepted', 'JUSTICE', `${h.to.name}已受理,案号 ${m.caseNumber}`, m.acceptedAt]);
  m.sessionsAt.forEach((at, i) => events.push(['MediationSessionRecorded', 'JUSTICE', `${h.to.name}第 ${i + 1} 次调解`, at]));
  if (m.concludedAt && m.outcome) events.push(['MediationConcluded', 'JUSTICE', DEMO_OUTCOME_SUMMARIES[m.outcome], m.concludedAt]);
  em.create(Docking, {
    id: h.dockingId,
    kind: h.kind,
    mode: h.mode,
    status,
    fromAgency: h.fromAgency,
    toAgency: 'JUSTICE',
    fromOrganizationCode: h.from.code,
    fromOrganizationName: h.from.name,
    toOrganizationCode: h.to.code,
    toOrganizationName: h.to.name,
    disputeId: d.id,
    regionCode: d.regionCode,
    sentAt: h.sentAt,
    acceptBy,
    concludeBy,
    confirmBy,
    concludedAt: m.concludedAt,
    outcome,
    outcomeSummary: m.rejectedAt ? DEMO_REJECTION_REASON : m.outcome ? DEMO_OUTCOME_SUMMARIES[m.outcome] : null,
    dueAt: dockingDueAt({ status, acceptBy, concludeBy, confirmBy }),
    lastSequence: events.length,
  });
  // The sender numbers its own events, the receiver its own (DockingRequested is the sender's first).
  const seq: Record<string, number> = {};
  events.forEach(([type, by, summary, at], s) => {
    seq[by] = (seq[by] ?? 0) + 1;
    em.create(DockingEvent, {
      id: demoId(`docking-${h.kind}-event-${s + 1}`, d.n),
      dockingId: h.dockingId,
      fromAgency: by,
      sequence: seq[by]!,
      type,
      at,
      summary,
    });
  });
  if (h.kind === 'HUB') {
    // 分流转办: the hub is the sender, with its own outgoing row like every other sender.
    em.create(DockingOutgoing, {
      ...demoOutgoing(d),
      id: demoId('hub-docking', d.n),
      recordType: ROUTED_RECORD,
      recordId: d.id,
      recordNumber: disputeNumber,
      officerName: HUB.name,
      reason: `${d.category}纠纷,事实较清楚,适宜人民调解`,
    });
  }
}
