import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { personKey } from '@jiefen/auth';
import { committeeOf, DEMO_COUNTY, demoDisputes, demoId, demoPopulation, demoRegions, placeOf, stationShortName, type DemoDispute } from '@jiefen/demo-data';
import { disputeDueAt } from '../src/domain/clocks.js';
import { formatDisputeNumber, numberScope, registrationYear } from '../src/domain/dispute-registration.js';
import { DISPUTE_EVENT_NAMES, disputeWorkflow, type DisputeEvent, type DisputeState } from '../src/domain/dispute.workflow.js';
import { warningsAtEscalation, warningsAtRegistration, riskAfter, type Warning } from '../src/domain/early-warning.js';
import { confirmByAfter, dockingClockDates, dockingDueAt, type DockingKind, type DockingMode, type DockingStatus } from '../src/domain/docking.js';
import { periodContaining } from '../src/domain/screening.js';
import { nextTier, TIER_NAMES, TIERS, type RiskLevel, type Tier } from '../src/domain/tiers.js';
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
/** The demo's "today" for the overdue scan, so the seed is the same whenever it runs. */
export const DEMO_NOW = new Date('2026-11-25T00:00:00Z');
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

/** The demo's spread over the workflow: each state at several tiers, every channel (from demo-data). */
const TARGETS: DisputeState[] = [
  'REGISTERED',
  'ROUTED',
  'IN_MEDIATION',
  'RESOLVED',
  'UNRESOLVED',
  'UNDER_REVIEW',
  'REVIEWED',
  'CLOSED',
  'GUIDED_TO_LITIGATION',
];

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
export async function seedGovernance(em: EntityManager, options: SeedOptions): Promise<void> {
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
  const sequence = new Map<string, number>();
  const disputes = demoDisputes(options.disputeCount);
  for (const d of disputes) {
    const key = `${numberScope(d.regionCode)}:${registrationYear(d.registeredAt)}`;
    const next = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, next);
    const dispute = em.create(Dispute, {
      id: d.id,
      number: formatDisputeNumber(d.regionCode, registrationYear(d.registeredAt), next),
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
    walk(em, d, dispute);
  }
  // New registrations continue each town's sequence.
  for (const [key, last] of sequence) {
    const [scope, year] = key.split(':');
    em.create(DisputeNumberCounter, { scope: scope!, year: Number(year), last });
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
  seedScreening(em, disputes);
  for (const d of disputes) seedDockings(em, d);
  await em.flush();
  await scanOverdue(em, DEMO_NOW);
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

/** Walks a demo dispute through the same workflow the services use, 12 hours a step. */
function walk(em: EntityManager, d: DemoDispute, dispute: Dispute): void {
  const target = TARGETS[d.n % TARGETS.length]!;
  const tier = TIERS[Math.floor(d.n / TARGETS.length) % 3]!;
  const actor = { roles: ['STAFF', 'SUPERVISOR'] };
  let state: DisputeState = 'REGISTERED';
  let attempts = 0;
  let notices = 0;
  pathTo(target, tier, d.n % 3).forEach((event, i) => {
    const at = new Date(d.registeredAt.getTime() + (i + 1) * 12 * HOUR);
    const from = state;
    state = disputeWorkflow.transition(state, event, actor, { noticesGiven: notices });
    let summary: string = DISPUTE_EVENT_NAMES[event];
    switch (event) {
      case 'ROUTE':
        Object.assign(dispute, {
          responsibleUnitKind: 'MEDIATION_ORGANIZATION',
          responsibleUnitName: committeeOf(d),
          routingReason: `${d.category}纠纷,事实较清楚,适宜人民调解`,
          routedAt: at,
          method: 'PEOPLES_MEDIATION',
          tier: pathTo(target, tier, 0).includes('ESCALATE') ? 'VILLAGE' : tier,
        });
        summary = `分流至${committeeOf(d)}`;
        break;
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
        break;
      case 'RECORD_ATTEMPT':
        attempts += 1;
        dispute.attemptsAtTier += 1;
        em.create(MediationAttempt, {
          id: demoId(`attempt-${attempts}`, d.n),
          disputeId: d.id,
          sequence: attempts,
          tier: dispute.tier,
          attemptedAt: at,
          mediatorName: MEDIATORS[(d.n + attempts) % MEDIATORS.length]!,
          summary: '组织双方面对面协商,释法明理',
          recordedByName: HUB.name,
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
        Object.assign(dispute, { outcome: 'RESOLVED', outcomeSummary: '双方达成调解协议', resolvedAt: at });
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
        Object.assign(dispute, { outcome: 'UNRESOLVED', outcomeSummary: '双方分歧较大,调解未成' });
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
      actorSubject: HUB.subject,
      actorName: HUB.name,
      summary,
    });
  });
  dispute.status = state;
  dispute.dueAt = disputeDueAt(state, dispute.tier as Tier, dispute.stateSince ?? d.registeredAt);
}

/** Weekly reports from 戴南镇's villages and half-monthly ones from the towns; some missing (overdue), most zero reports. */
function seedScreening(em: EntityManager, disputes: DemoDispute[]): void {
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
  for (const weekStart of ['2026-11-02', '2026-11-09', '2026-11-16']) {
    const period = periodContaining('WEEKLY', new Date(`${weekStart}T04:00:00Z`));
    villages.forEach((v, i) => {
      // Roughly one village in five misses the week's report: listed as overdue.
      if ((i + period.key.length + Number(weekStart.slice(8))) % 5 === 0) return;
      const finding = gridDisputes.find((g) => g.regionCode === v.code && periodContaining('WEEKLY', g.registeredAt).key === period.key) ?? null;
      report(v.code, period.key, 'WEEKLY', new Date(period.to.getTime() - 10 * HOUR), finding);
    });
  }
  const half = periodContaining('HALF_MONTHLY', new Date('2026-11-05T04:00:00Z'));
  towns.forEach((t, i) => {
    if (i % 4 !== 3) report(t.code, half.key, 'HALF_MONTHLY', new Date(half.to.getTime() - 10 * HOUR), null);
  });
}

const AGENCY_ORGS: Record<string, { code: string; name: (d: DemoDispute) => string }> = {
  COURT: { code: '113212810140900121', name: () => '兴化市人民法院' },
  POLICE: { code: '11321281014090020U', name: (d) => `兴化市公安局${stationShortName(d.townCode)}派出所` },
  PROCURATORATE: { code: '11321281014090047K', name: () => '兴化市人民检察院' },
  PETITION: { code: '11321281014090039Q', name: () => '兴化市信访局' },
  LEGAL_AID: { code: '123212814660123450', name: () => '兴化市法律援助中心' },
};

const RECEIVERS: Record<DockingKind, (d: DemoDispute) => string> = {
  COURT: () => '兴化市人民法院诉讼服务中心特邀调解工作室',
  POLICE: (d) => `${stationShortName(d.townCode)}派出所驻所人民调解室`,
  PROCURATORATE: () => '兴化市人民检察院检调对接工作室',
  PETITION: () => '兴化市信访事项人民调解委员会',
  LEGAL_AID: (d) => committeeOf(d),
  // 分流转办: the committee of the dispute's place.
  HUB: (d) => committeeOf(d),
};

/** Dockings as the other agencies' demo data implies them (justice's case results included). */
function seedDockings(em: EntityManager, d: DemoDispute): void {
  const kinds: [DockingKind, DockingMode][] = [];
  if (d.agencies.court) kinds.push(['COURT', d.n % 2 ? 'ENTRUST' : 'COMMISSION']);
  // 公调: the police transferred the disputes that went on to people's mediation (see the police seed).
  if (d.agencies.police && d.agencies.justice) kinds.push(['POLICE', 'TRANSFER']);
  if (d.agencies.procuratorate) kinds.push(['PROCURATORATE', 'COMMISSION']);
  if (d.agencies.petition) kinds.push(['PETITION', 'TRANSFER']);
  if (d.n % 8 === 1) kinds.push(['LEGAL_AID', 'REFERRAL']);
  kinds.forEach(([kind, mode], i) => {
    const id = demoId(`docking-${kind}`, d.n);
    const sentAt = new Date(d.registeredAt.getTime() - (2 - i) * HOUR);
    const { acceptBy, concludeBy } = dockingClockDates(kind, mode, sentAt);
    const events: [string, string][] = [
      [
        'DockingRequested',
        `${AGENCY_ORGS[kind]!.name(d)}${mode === 'TRANSFER' ? '移交' : mode === 'REFERRAL' ? '转介' : mode === 'ENTRUST' ? '委派' : '委托'}调解`,
      ],
    ];
    let status: DockingStatus;
    let outcome: string | null = null;
    let concludedAt: Date | null = null;
    if (!d.agencies.justice) {
      status = d.n % 2 ? 'SENT' : 'REJECTED';
      if (status === 'REJECTED') events.push(['DockingRejected', '不属于人民调解受理范围,退回']);
    } else {
      events.push(['DockingAccepted', `${RECEIVERS[kind](d)}已接收`]);
      if (d.n % 5 === 0 && d.n % 11 !== 0) status = 'IN_PROGRESS';
      else {
        outcome = d.n % 11 === 0 ? 'TERMINATED' : d.n % 7 === 0 ? 'NOT_SETTLED' : 'SETTLED';
        concludedAt = new Date(sentAt.getTime() + (5 + (d.n % 10)) * 24 * HOUR);
        events.push(['MediationConcluded', outcome === 'SETTLED' ? '达成调解协议' : outcome === 'NOT_SETTLED' ? '调解不成' : '终止调解']);
        status = kind === 'COURT' && outcome === 'SETTLED' && d.n % 2 === 0 ? 'CONCLUDED' : 'FED_BACK';
        if (status === 'FED_BACK') events.push(['OutcomeFedBack', '结果已反馈']);
      }
    }
    const confirmBy = concludedAt && outcome === 'SETTLED' ? confirmByAfter(concludedAt) : null;
    em.create(Docking, {
      id,
      kind,
      mode,
      status,
      fromAgency: kind === 'LEGAL_AID' ? 'JUSTICE' : kind,
      toAgency: 'JUSTICE',
      fromOrganizationCode: AGENCY_ORGS[kind]!.code,
      fromOrganizationName: AGENCY_ORGS[kind]!.name(d),
      toOrganizationCode: d.townCode === '321281123' && kind === 'LEGAL_AID' ? '54321281MJ12345677' : null,
      toOrganizationName: RECEIVERS[kind](d),
      disputeId: d.id,
      regionCode: d.regionCode,
      sentAt,
      acceptBy,
      concludeBy,
      confirmBy,
      concludedAt,
      outcome,
      outcomeSummary: outcome ? events.at(-1)![1] : null,
      dueAt: dockingDueAt({ status, acceptBy, concludeBy, confirmBy }),
      lastSequence: events.length,
    });
    // The sender numbers its own events, the receiver its own (DockingRequested is the sender's first).
    const fromAgency = kind === 'LEGAL_AID' ? 'JUSTICE' : kind;
    const seq: Record<string, number> = {};
    events.forEach(([type, summary], s) => {
      const by = type === 'DockingRequested' ? fromAgency : 'JUSTICE';
      seq[by] = (seq[by] ?? 0) + 1;
      em.create(DockingEvent, {
        id: demoId(`docking-${kind}-event-${s + 1}`, d.n),
        dockingId: id,
        fromAgency: by,
        sequence: seq[by]!,
        type,
        at: new Date(sentAt.getTime() + s * 24 * HOUR),
        summary,
      });
    });
  });
}
