import type { EntityManager } from '@mikro-orm/core';
import type { SeedContext } from '@jiefen/subgraph-kit';
import {
  buildRoster,
  DEMO_REJECTION_REASON,
  demoDisputes,
  demoId,
  demoPeople,
  demoRegions,
  placeOf,
  sourceOf,
  storyAnchor,
  type DemoDispute,
  type DemoPerson,
} from '@jiefen/demo-data';
import { chinaDate } from '@jiefen/calendar';
import { confirmationDeadline, DEFAULT_CLOCKS, lawyerAssignmentDueAt, legalAidReviewDueAt, mediationDueAt, returnVisitDate } from '../src/domain/clocks.js';
import { termEndOf, type CommitteeRole } from '../src/domain/roster.js';
import { Expert } from '../src/entities/expert.entity.js';
import { JusticeNumberCounter } from '../src/entities/justice-number-counter.entity.js';
import { LegalAidCase } from '../src/entities/legal-aid-case.entity.js';
import { LegalAidCenter } from '../src/entities/legal-aid-center.entity.js';
import { MediationAgreement } from '../src/entities/mediation-agreement.entity.js';
import { MediationCase } from '../src/entities/mediation-case.entity.js';
import { MediationExtension } from '../src/entities/mediation-extension.entity.js';
import { MediationOrganization } from '../src/entities/mediation-organization.entity.js';
import { MediationParty } from '../src/entities/mediation-party.entity.js';
import { MediationSession } from '../src/entities/mediation-session.entity.js';
import { Mediator } from '../src/entities/mediator.entity.js';
import { MethodChange } from '../src/entities/method-change.entity.js';
import { NeutralEvaluation } from '../src/entities/neutral-evaluation.entity.js';
import { ReturnVisit } from '../src/entities/return-visit.entity.js';

/** The `legal-aid` persona's center (packages/auth personas). */
export const LEGAL_AID_CENTER_CODE = '123212814660123450';
export const DEMO_LEGAL_AID_CENTER_ID = demoId('legal-aid-center', 1);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const regionName = new Map(demoRegions.map((r) => [r.code, r.name]));
const townName = (code: string) => regionName.get(code) ?? '兴化市';

const addressOf = (d: DemoDispute, i: number) => `江苏省兴化市${placeOf(d)}${((d.n * 7 + i * 13) % 60) + 1}号`;

const TRAININGS = [
  { date: '2025-04-18', title: '人民调解员岗前培训', hours: 24, organizer: '兴化市司法局' },
  { date: '2026-03-20', title: '矛盾纠纷排查化解业务培训', hours: 8, organizer: '兴化市司法局' },
  { date: '2026-06-12', title: '调解协议书制作与司法确认衔接', hours: 6, organizer: '泰州市司法局' },
];

const EXPERTS = [
  { name: '孙立群', field: '医学', title: '主任医师', employer: '兴化市人民医院' },
  { name: '黄卫国', field: '道路交通', title: '高级工程师', employer: '泰州市交通事故鉴定中心' },
  { name: '丁雪琴', field: '建设工程', title: '高级工程师', employer: '兴化市建筑设计院' },
  { name: '高振华', field: '法律', title: '律师', employer: '江苏昭阳律师事务所' },
];

/** Demo data for the justice bureau: the roster, one mediation case per demo dispute it holds, agreements, return visits, legal aid. */
export async function seedJustice(em: EntityManager, options: SeedContext): Promise<void> {
  const all = demoDisputes(options.disputeCount, options.now);
  const disputes = all.filter((x) => x.agencies.justice);
  // Nothing in the demo happens after the moment it is told from.
  const anchor = storyAnchor(options.now);
  const past = (at: Date) => (at > anchor ? anchor : at);
  const pool = demoPeople(400, '321281', 9001).filter((p) => p.birthDate < '1996');
  const females = pool.filter((p) => p.sex === 'FEMALE');
  const males = pool.filter((p) => p.sex === 'MALE');
  let nextPerson = 0;

  // — Roster —
  // The one roster the demo's hand-overs name their receivers from (packages/demo-data).
  const specs = buildRoster(disputes.map((dispute) => ({ dispute, source: sourceOf(dispute) })));
  const orgs = new Map<string, MediationOrganization>();
  const membersOf = new Map<string, Mediator[]>();
  let orgN = 0;
  let mediatorN = 0;
  for (const spec of specs.values()) {
    orgN += 1;
    const org = em.create(MediationOrganization, {
      id: demoId('mediation-organization', orgN),
      code: spec.code,
      name: spec.name,
      type: spec.type,
      regionCode: spec.regionCode,
      sector: spec.sector ?? null,
      stationedAt: spec.stationedAt ?? null,
      stationedAgency: spec.stationedAgency ?? null,
      address: `江苏省兴化市${spec.regionCode.length > 6 ? townName(spec.regionCode.slice(0, 9)) : '昭阳街道英武路'}${orgN}号`,
      phone: `0523-8${String(3_100_000 + orgN * 17).slice(-6)}`,
      establishedOn: `20${String(10 + (orgN % 12)).padStart(2, '0')}-0${1 + (orgN % 9)}-15`,
    });
    orgs.set(spec.key, org);
    const committee = spec.type !== 'STATIONED_ROOM' && spec.type !== 'LAWYER_STUDIO';
    for (let i = 0; i < spec.members; i += 1) {
      mediatorN += 1;
      // The second member is a woman: every committee has one (人民调解法 Art 9).
      const person: DemoPerson = (i === 1 ? females : males)[nextPerson++ % (i === 1 ? females.length : males.length)]!;
      const persona = spec.key === 'dainan' && i === 1;
      const role: CommitteeRole | null = committee ? (i === 0 ? 'CHAIR' : i === 1 ? 'VICE_CHAIR' : 'MEMBER') : null;
      // One 戴南镇 mediator's term has expired: they stay on the roster but take no new case.
      const termStart = spec.key === 'dainan' && i === 4 ? '2022-06-01' : `2024-0${1 + ((orgN + i) % 6)}-01`;
      const mediator = em.create(Mediator, {
        id: demoId('mediator', mediatorN),
        organizationId: org.id,
        name: persona ? '顾秀英' : person.name,
        sex: persona ? 'FEMALE' : person.sex,
        committeeRole: role,
        employment: i === 0 || spec.type === 'STATIONED_ROOM' ? 'FULL_TIME' : 'PART_TIME',
        invitedByCourt: spec.stationedAgency === 'COURT' || (spec.key === 'dainan' && i === 3),
        lawyer: spec.type === 'LAWYER_STUDIO' || (spec.key === 'court-room' && i === 3),
        specialties: spec.specialties.slice(0, 1 + (i % spec.specialties.length)),
        trainings: TRAININGS.slice(0, 1 + ((orgN + i) % 3)),
        termStart,
        termEnd: termEndOf(termStart),
        regionCode: spec.regionCode,
        phone: person.phone,
        idNumber: persona ? null : person.idNumber,
        accountSubject: persona ? 'mediator-042' : null,
      });
      membersOf.set(spec.key, [...(membersOf.get(spec.key) ?? []), mediator]);
    }
  }
  EXPERTS.forEach((e, i) => em.create(Expert, { ...e, id: demoId('expert', i + 1), regionCode: '321281' }));
  const center = em.create(LegalAidCenter, { id: DEMO_LEGAL_AID_CENTER_ID, code: LEGAL_AID_CENTER_CODE, name: '兴化市法律援助中心', regionCode: '321281' });

  // — Cases —
  const counters = new Map<string, number>();
  const next = (series: string, year: number) => {
    const key = `${series}:${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  let firstInSession = true;
  let firstAccepted = true;
  for (const d of disputes) {
    // The case as the story tells it (packages/demo-data): its organization, state and dates.
    const m = d.mediation!;
    const { source, mode, procedure, status, outcome, receivedAt, acceptedAt, concludedAt } = m;
    const key = m.organization.key;
    const org = orgs.get(key)!;
    // The persona 顾秀英 mediates 戴南镇's cases; elsewhere the chair does.
    const members = membersOf.get(key)!;
    const mediator = members.find((m) => m.accountSubject) ?? members[0]!;
    const year = Number(chinaDate(receivedAt).slice(0, 4));
    next('MEDIATION_CASE', year);
    const accepted = acceptedAt !== null;
    const c = em.create(MediationCase, {
      id: demoId('mediation-case', d.n),
      disputeId: d.id,
      disputeNumber: d.number,
      dockingId: d.handOver?.dockingId ?? null,
      dockingFrom: d.handOver?.fromAgency ?? null,
      sourceUnitName: d.handOver?.from.name ?? null,
      caseNumber: m.caseNumber,
      organizationId: org.id,
      organizationCode: org.code,
      organizationName: org.name,
      mediatorId: accepted ? mediator.id : null,
      mediatorName: accepted ? mediator.name : null,
      source,
      mode,
      procedure,
      category: d.category,
      summary: d.summary,
      status,
      outcome,
      rejectionReason: status === 'REJECTED' ? DEMO_REJECTION_REASON : null,
      conclusionNote: outcome === 'NO_AGREEMENT' ? '双方分歧较大,经三次调解未能达成协议' : outcome === 'TERMINATED' ? '申请人撤回调解申请' : null,
      partiesInformedOfLitigation: outcome === 'NO_AGREEMENT' || outcome === 'TERMINATED' ? true : null,
      regionCode: d.regionCode,
      receivedAt,
      acceptedAt,
      dueAt: acceptedAt ? mediationDueAt(acceptedAt, mode, procedure === 'ORDINARY' ? 'ORDINARY' : null, DEFAULT_CLOCKS) : null,
      concludedAt,
    });
    const parties = d.parties.map((p, i) =>
      em.create(MediationParty, {
        id: demoId(`mediation-party-${i}`, d.n),
        caseId: c.id,
        position: i,
        role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
        name: p.name,
        sex: p.sex,
        idNumber: p.idNumber,
        phone: p.phone,
        address: addressOf(d, i),
        birthDate: p.birthDate,
      }),
    );
    if (!accepted) continue;
    const sessions = m.sessionsAt.length;
    for (let s = 1; s <= sessions; s += 1) {
      const heldAt = m.sessionsAt[s - 1]!;
      em.create(MediationSession, {
        id: demoId(`mediation-session-${s}`, d.n),
        caseId: c.id,
        sequence: s,
        heldAt,
        place: `${org.name}调解室`,
        participants: [...parties.map((p) => p.name), mediator.name],
        focus: `${d.summary}:责任划分及赔偿数额`,
        opinions: `申请人${parties[0]!.name}要求对方承担主要责任;被申请人${parties[1]!.name}认为双方均有过错。`,
        progress: s < sessions ? '双方同意择日再行调解' : null,
        recordedBy: mediator.name,
        recordedAt: new Date(heldAt.getTime() + HOUR / 2),
      });
    }
    if (status === 'IN_SESSION' && firstInSession) {
      firstInSession = false;
      em.create(NeutralEvaluation, {
        id: demoId('neutral-evaluation', d.n),
        caseId: c.id,
        expertId: demoId('expert', 4),
        expertName: EXPERTS[3]!.name,
        question: '若诉至法院,各方责任比例可能如何认定?',
        requestedAt: past(new Date(acceptedAt!.getTime() + 3 * DAY)),
        opinion: '参照类似判例,被申请人承担百分之六十至七十的责任较为可能。',
        completedAt: past(new Date(acceptedAt!.getTime() + 6 * DAY)),
      });
      em.create(MethodChange, {
        id: demoId('method-change', d.n),
        caseId: c.id,
        fromMethod: 'PEOPLES_MEDIATION',
        toMethod: 'JOINT_MEDIATION',
        reason: '涉及多个部门职能,邀请相关部门联合调解',
        changedAt: past(new Date(acceptedAt!.getTime() + 4 * DAY)),
        changedBy: mediator.name,
      });
      c.method = 'JOINT_MEDIATION';
    }
    if (status === 'ACCEPTED' && firstAccepted) {
      firstAccepted = false;
      const newDueAt = new Date(c.dueAt!.getTime() + 15 * DAY);
      em.create(MediationExtension, {
        id: demoId('mediation-extension', d.n),
        caseId: c.id,
        days: 15,
        reason: '需等待伤情鉴定结论',
        consentingPartyIds: parties.map((p) => p.id),
        consentRecord: '双方当事人签署延期同意书',
        previousDueAt: c.dueAt!,
        newDueAt,
        recordedAt: past(new Date(acceptedAt!.getTime() + 20 * DAY)),
        recordedBy: mediator.name,
      });
      c.dueAt = newDueAt;
    }
    if (outcome !== 'AGREEMENT') continue;
    const effectiveDate = chinaDate(concludedAt!);
    const performance = ['PERFORMED', 'PENDING', 'PARTIALLY_PERFORMED'][d.n % 3]!;
    const agreement = em.create(MediationAgreement, {
      id: demoId('mediation-agreement', d.n),
      caseId: c.id,
      number: `兴司调协〔${year}〕${String(next('AGREEMENT', year)).padStart(4, '0')}号`,
      form: d.n % 10 === 1 ? 'ORAL' : 'WRITTEN',
      facts: `${d.summary}。经调查,双方对基本事实无异议。`,
      mattersInDispute: '赔偿(补偿)数额及给付方式',
      responsibilities: '被申请人承担主要责任,申请人承担次要责任',
      terms: [`被申请人${parties[1]!.name}一次性给付申请人${parties[0]!.name}人民币${1000 + ((d.n * 337) % 20_000)}元`, '双方就本纠纷再无其他争议'],
      performanceMethod: '现金或银行转账支付',
      performanceDeadline: chinaDate(new Date(concludedAt!.getTime() + 30 * DAY)),
      amount: (1000 + ((d.n * 337) % 20_000)).toFixed(2),
      signatures: d.n % 10 === 1 ? [] : parties.map((p) => ({ partyId: p.id, method: 'SIGNATURE' as const, signedAt: concludedAt!.toISOString() })),
      mediatorSignedAt: d.n % 10 === 1 ? null : concludedAt,
      sealedAt: d.n % 10 === 1 ? null : concludedAt,
      effectiveDate,
      confirmationDeadline: confirmationDeadline(effectiveDate, DEFAULT_CLOCKS),
      performanceStatus: performance,
      regionCode: d.regionCode,
      recordedAt: concludedAt!,
      recordedBy: mediator.name,
    });
    // A return visit happens two weeks after the conclusion; a later one is still scheduled.
    const visitedAt = new Date(concludedAt!.getTime() + 15 * DAY);
    const done = performance !== 'PENDING' && visitedAt <= anchor;
    em.create(ReturnVisit, {
      id: demoId('return-visit', d.n),
      caseId: c.id,
      agreementId: agreement.id,
      reason: 'AFTER_CONCLUSION',
      scheduledFor: returnVisitDate(concludedAt!, DEFAULT_CLOCKS),
      status: done ? 'DONE' : 'SCHEDULED',
      visitedAt: done ? visitedAt : null,
      method: done ? 'PHONE' : null,
      performance: done ? performance : null,
      satisfaction: done ? (performance === 'PERFORMED' ? 'SATISFIED' : 'BASICALLY_SATISFIED') : null,
      notes: done ? '当事人表示协议正在履行' : null,
      visitor: done ? mediator.name : null,
    });
  }

  // — Legal aid, one application in each status —
  const statuses = ['APPLIED', 'APPLIED', 'APPROVED', 'DENIED', 'LAWYER_ASSIGNED', 'CLOSED', 'REFERRED_TO_MEDIATION'] as const;
  const applicants = all.slice(0, statuses.length);
  statuses.forEach((status, i) => {
    const d = status === 'REFERRED_TO_MEDIATION' ? (disputes.find((x) => x.n === 13) ?? applicants[i]!) : applicants[i]!;
    const person = d.parties[0]!;
    // The first application came in today; the others with their disputes (an older one overdue for review).
    const appliedAt = i === 0 ? new Date(anchor.getTime() - 2 * HOUR) : new Date(d.registeredAt.getTime() - 2 * HOUR);
    const reviewedAt = status === 'APPLIED' ? null : past(new Date(appliedAt.getTime() + (d.n === 13 ? HOUR : 3 * DAY)));
    const year = Number(chinaDate(appliedAt).slice(0, 4));
    const approved = status === 'APPROVED' || status === 'LAWYER_ASSIGNED' || status === 'CLOSED';
    em.create(LegalAidCase, {
      id: demoId('legal-aid-case', i + 1),
      applicationNumber: `兴法援〔${year}〕${String(next('LEGAL_AID', year)).padStart(4, '0')}号`,
      centerId: center.id,
      centerCode: center.code,
      centerName: center.name,
      disputeId: d.id,
      source: 'DIRECT_APPLICATION',
      applicantName: person.name,
      applicantSex: person.sex,
      applicantIdNumber: person.idNumber,
      applicantPhone: person.phone,
      applicantAddress: addressOf(d, 0),
      matter: `就“${d.summary}”申请法律援助`,
      category: d.category,
      regionCode: d.regionCode,
      status,
      appliedAt,
      reviewDueAt: legalAidReviewDueAt(appliedAt, DEFAULT_CLOCKS),
      reviewedAt,
      denialReason: status === 'DENIED' ? '申请人经济状况不符合法律援助条件' : null,
      assignDueAt: approved && reviewedAt ? lawyerAssignmentDueAt(reviewedAt, DEFAULT_CLOCKS) : null,
      assignedAt: status === 'LAWYER_ASSIGNED' || status === 'CLOSED' ? past(new Date(reviewedAt!.getTime() + DAY)) : null,
      lawyerName: status === 'LAWYER_ASSIGNED' || status === 'CLOSED' ? '高振华' : null,
      lawFirm: status === 'LAWYER_ASSIGNED' || status === 'CLOSED' ? '江苏昭阳律师事务所' : null,
      closedAt: status === 'CLOSED' ? past(new Date(reviewedAt!.getTime() + 30 * DAY)) : null,
      closingNote: status === 'CLOSED' ? '经代理,法院判决支持受援人主要诉讼请求' : null,
      referredMediationCaseId: status === 'REFERRED_TO_MEDIATION' && d.n === 13 ? demoId('mediation-case', 13) : null,
    });
  });
  // 调援: a party of a failed mediation asks for legal aid to go to court.
  const failed = disputes.find((d) => d.mediation!.outcome === 'NO_AGREEMENT');
  if (failed) {
    const concludedAt = failed.mediation!.concludedAt!;
    const appliedAt = new Date(concludedAt.getTime() + (anchor.getTime() - concludedAt.getTime()) / 3);
    const year = Number(chinaDate(appliedAt).slice(0, 4));
    em.create(LegalAidCase, {
      id: demoId('legal-aid-case', statuses.length + 1),
      applicationNumber: `兴法援〔${year}〕${String(next('LEGAL_AID', year)).padStart(4, '0')}号`,
      centerId: center.id,
      centerCode: center.code,
      centerName: center.name,
      disputeId: failed.id,
      source: 'MEDIATION_REFERRAL',
      sourceMediationCaseId: demoId('mediation-case', failed.n),
      applicantName: failed.parties[0]!.name,
      applicantSex: failed.parties[0]!.sex,
      applicantIdNumber: failed.parties[0]!.idNumber,
      applicantPhone: failed.parties[0]!.phone,
      applicantAddress: addressOf(failed, 0),
      matter: '调解不成,申请法律援助提起诉讼',
      category: failed.category,
      regionCode: failed.regionCode,
      status: 'APPROVED',
      appliedAt,
      reviewDueAt: legalAidReviewDueAt(appliedAt, DEFAULT_CLOCKS),
      reviewedAt: new Date(appliedAt.getTime() + 2 * DAY),
      assignDueAt: lawyerAssignmentDueAt(new Date(appliedAt.getTime() + 2 * DAY), DEFAULT_CLOCKS),
    });
  }
  for (const [key, last] of counters) {
    const [series, year] = key.split(':');
    em.create(JusticeNumberCounter, { series: series!, year: Number(year), last });
  }
  await em.flush();
}
