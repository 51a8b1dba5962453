import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedContext } from '@jiefen/subgraph-kit';
import { DEMO_REJECTION_REASON, demoDisputes, demoId, demoOutgoing, storyAnchor, type DemoDispute } from '@jiefen/demo-data';
import { caseYearOf, courtCodeOf, formatCaseNumber, type CaseSeries } from '../src/domain/case-numbers.js';
import { acceptanceDueAt, mediationDueAt, rulingDueAt } from '../src/domain/clocks.js';
import { stageOf, type CourtCaseState } from '../src/domain/court-case.workflow.js';
import type { ConfirmationState } from '../src/domain/judicial-confirmation.workflow.js';
import { CourtCase } from '../src/entities/court-case.entity.js';
import { CourtNumber } from '../src/entities/court-number.entity.js';
import { EnforcementApplication } from '../src/entities/enforcement-application.entity.js';
import { JudicialConfirmation } from '../src/entities/judicial-confirmation.entity.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CONFIRMATION_STATES: ConfirmationState[] = ['APPLIED', 'ACCEPTED', 'REFUSED', 'CONFIRMED', 'REJECTED', 'PERFORMED', 'ENFORCEMENT_APPLIED'];

/**
 * The case's state as the story tells it: a case the court sent to mediation (诉调) is where its
 * hand-over is — 委派 before filing (DIVERTED_TO_MEDIATION → MEDIATION_SUCCEEDED / _FAILED, back to
 * RECEIVED when refused), 委托 of a filed case (IN_ENTRUSTED_MEDIATION → SETTLED_BY_MEDIATION, or
 * FILED again); the others wait for the clerk to send or file them.
 */
function stateOf(d: DemoDispute): CourtCaseState {
  const h = d.handOver?.kind === 'COURT' ? d.handOver : null;
  if (!h) return 'RECEIVED';
  const agreed = d.mediation!.outcome === 'AGREEMENT';
  if (h.mode === 'ENTRUST') {
    if (h.status === 'REJECTED') return 'RECEIVED';
    if (h.status === 'CONCLUDED') return agreed ? 'MEDIATION_SUCCEEDED' : 'MEDIATION_FAILED';
    return 'DIVERTED_TO_MEDIATION';
  }
  if (h.status === 'REJECTED') return 'FILED';
  if (h.status === 'CONCLUDED') return agreed ? 'SETTLED_BY_MEDIATION' : 'FILED';
  return 'IN_ENTRUSTED_MEDIATION';
}

/** Issues demo case numbers and remembers the last one per series, court and year for `court_number`. */
class Numbers {
  readonly last = new Map<string, number>();
  next(series: CaseSeries, regionCode: string, at: Date, start = 1): string {
    const court = courtCodeOf(regionCode)!;
    const year = caseYearOf(at);
    const key = `${series}|${court}|${year}`;
    const n = Math.max(this.last.get(key) ?? start - 1, start - 1) + 1;
    this.last.set(key, n);
    return formatCaseNumber(year, court, series, n);
  }
}

function caseOf(d: DemoDispute, state: CourtCaseState, numbers: Numbers): CourtCase {
  // The court is the door: the case came in a few hours before the hub registered the dispute.
  const receivedAt = new Date(d.registeredAt.getTime() - 3 * HOUR);
  const c: Partial<CourtCase> & Pick<CourtCase, 'id' | 'disputeId' | 'caseNumber' | 'cause' | 'regionCode' | 'receivedAt'> = {
    id: demoId('court-case', d.n),
    disputeId: d.id,
    disputeNumber: d.number,
    caseNumber: numbers.next('PRE_FILING_MEDIATION', d.regionCode, receivedAt, 1001),
    cause: `${d.category}纠纷`,
    regionCode: d.regionCode,
    receivedAt,
    status: state,
    stage: stageOf(state),
    plaintiffName: d.parties[0]!.name,
    plaintiffIdNumber: d.parties[0]!.idNumber,
    plaintiffPhone: d.parties[0]!.phone,
    defendantName: d.parties[1]!.name,
  };
  const h = d.handOver?.kind === 'COURT' ? d.handOver : null;
  const m = d.mediation;
  if (!h || !m) return c as CourtCase;
  const sentAt = h.sentAt;
  const running = h.status === 'SENT' || h.status === 'ACCEPTED';
  const agreed = m.outcome === 'AGREEMENT';
  const outcome = m.concludedAt
    ? {
        mediationOutcome: agreed ? 'SUCCEEDED' : 'FAILED',
        mediationOutcomeAt: m.concludedAt,
        mediationOutcomeNote: agreed ? '双方达成调解协议,约定分期履行' : '双方对赔偿数额分歧较大,调解不成',
        agreementId: agreed ? demoId('mediation-agreement', d.n) : null,
      }
    : {};
  if (h.mode === 'ENTRUST') {
    // 委派: diverted to pre-filing mediation the moment it was handed over.
    // The mediation clock runs only while the committee may still be working on it.
    Object.assign(c, {
      divertedAt: sentAt,
      mediationMode: 'DELEGATED',
      mediationSentAt: sentAt,
      mediationDueAt: running ? mediationDueAt('DELEGATED', sentAt, null) : null,
    });
    if (h.status === 'REJECTED') Object.assign(c, { mediationOutcomeNote: `调解组织不予受理:${DEMO_REJECTION_REASON}` });
    if (m.concludedAt) Object.assign(c, outcome, { preFilingOutcome: agreed ? 'SUCCEEDED' : 'FAILED', preFilingOutcomeAt: m.concludedAt });
    return c as CourtCase;
  }
  // 委托: filed first (the parties declined pre-filing mediation), then entrusted by the judge.
  const filedAt = new Date(receivedAt.getTime() + HOUR);
  const procedure = m.procedure ?? 'ORDINARY';
  Object.assign(c, {
    procedure,
    filedAt,
    filingNumber: numbers.next('FIRST_INSTANCE_CIVIL', d.regionCode, filedAt, 2001),
    mediationMode: 'ENTRUSTED',
    mediationSentAt: sentAt,
    mediationDueAt: running ? mediationDueAt('ENTRUSTED', sentAt, procedure) : null,
    ...outcome,
  });
  return c as CourtCase;
}

/** The hand-over of a case the court sent to mediation, as the committee's answers left it (its case number among them). */
function handOverOf(d: DemoDispute, c: CourtCase): RequiredEntityData<DockingOutgoing> {
  return {
    ...demoOutgoing(d),
    id: demoId('court-docking', d.n),
    recordType: 'CourtCase',
    recordId: c.id,
    recordNumber: c.filingNumber ?? c.caseNumber,
    officerName: '王敏',
  };
}

/**
 * A joint application for judicial confirmation of an agreement, `state` far along; every step a
 * share of the time left before the anchor (a refusal for lateness only when it was late).
 */
function confirmationOf(
  d: DemoDispute,
  state: ConfirmationState,
  courtCaseId: string | null,
  effectiveAt: Date,
  anchor: Date,
  numbers: Numbers,
): JudicialConfirmation {
  const left = (from: Date) => anchor.getTime() - from.getTime();
  const step = (from: Date, days: number, share: number) => new Date(from.getTime() + Math.min(days * DAY, left(from) * share));
  const appliedAt = step(effectiveAt, state === 'REFUSED' ? 41 : 6, 0.3);
  const late = appliedAt.getTime() - effectiveAt.getTime() > 30 * DAY;
  const acceptedAt = step(appliedAt, 2, 0.2);
  const j: Partial<JudicialConfirmation> = {
    id: demoId('judicial-confirmation', d.n),
    applicationId: `demo-application-${d.n}`,
    disputeId: d.id,
    courtCaseId,
    agreementId: demoId('mediation-agreement', d.n),
    mediationOrganization: d.mediation!.organization.name,
    agreementSummary: `${d.parties[1]!.name}于协议生效后三个月内分期支付${d.parties[0]!.name}人民币${((d.n * 1700) % 40000) + 3000}元,双方就${d.summary}再无其他争议`,
    matters: [d.category === '损害赔偿' || d.category === '道路交通事故' ? 'COMPENSATION' : d.category === '合同' ? 'CONTRACT' : 'DEBT'],
    agreementEffectiveAt: effectiveAt,
    applicants: d.parties.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone })),
    jointApplication: state !== 'REFUSED' || late,
    status: state,
    regionCode: d.regionCode,
    appliedAt,
    acceptDueAt: acceptanceDueAt(appliedAt),
    nextDeadlineAt: state === 'APPLIED' ? acceptanceDueAt(appliedAt) : null,
  };
  if (state === 'REFUSED')
    Object.assign(
      j,
      late
        ? { refusalReasons: ['LATE_APPLICATION'], refusalNote: '申请超过调解协议生效之日起三十日' }
        : { refusalReasons: ['NOT_JOINT_APPLICATION'], refusalNote: '司法确认应由双方当事人共同申请' },
      { refusedAt: step(appliedAt, 1, 0.2) },
    );
  if (!['APPLIED', 'REFUSED'].includes(state)) {
    Object.assign(j, { acceptedAt, caseNumber: numbers.next('JUDICIAL_CONFIRMATION', d.regionCode, acceptedAt), ruleDueAt: rulingDueAt(acceptedAt, false) });
    if (state === 'ACCEPTED') j.nextDeadlineAt = j.ruleDueAt;
    else
      Object.assign(j, {
        ruledAt: step(acceptedAt, 9, 0.5),
        rulingNote: state === 'REJECTED' ? '协议内容损害案外人合法权益,驳回申请' : '调解协议系双方自愿达成,内容不违反法律规定,确认有效',
      });
  }
  if (state === 'PERFORMED') j.performedAt = step(acceptedAt, 40, 0.8);
  return j as JudicialConfirmation;
}

/** Civil cases the 兴化市人民法院 received for the demo disputes that reached the court, where their story has them, with judicial confirmations. */
export async function seedCourt(em: EntityManager, options: SeedContext): Promise<void> {
  const numbers = new Numbers();
  const anchor = storyAnchor(options.now);
  const disputes = demoDisputes(options.disputeCount, options.now);
  let confirmations = 0;
  for (const d of disputes.filter((x) => x.agencies.court)) {
    const c = em.create(CourtCase, caseOf(d, stateOf(d), numbers));
    if (d.handOver?.kind === 'COURT') em.create(DockingOutgoing, handOverOf(d, c));
    if (c.mediationOutcome === 'SUCCEEDED' && c.mediationOutcomeAt) {
      em.create(
        JudicialConfirmation,
        confirmationOf(d, CONFIRMATION_STATES[confirmations++ % CONFIRMATION_STATES.length]!, c.id, c.mediationOutcomeAt, anchor, numbers),
      );
    }
  }
  // Agreements people's mediation reached on other hand-overs, or on its own, come to the basic court where the committee sits.
  for (const d of disputes.filter((x) => !x.agencies.court && x.mediation?.outcome === 'AGREEMENT').slice(0, CONFIRMATION_STATES.length)) {
    em.create(
      JudicialConfirmation,
      confirmationOf(d, CONFIRMATION_STATES[confirmations++ % CONFIRMATION_STATES.length]!, null, d.mediation!.concludedAt!, anchor, numbers),
    );
  }
  await em.flush();
  for (const j of await em.find(JudicialConfirmation, { status: 'ENFORCEMENT_APPLIED' })) {
    const appliedAt = new Date(j.ruledAt!.getTime() + Math.min(35 * DAY, (anchor.getTime() - j.ruledAt!.getTime()) * 0.5));
    em.create(EnforcementApplication, {
      id: demoId('enforcement-application', Number.parseInt(j.applicationId.replace(/\D/g, ''), 10)),
      confirmationId: j.id,
      caseNumber: numbers.next('ENFORCEMENT', j.regionCode, appliedAt),
      applicantName: j.applicants[0]!.name,
      unperformedTerms: '被申请人逾期未支付第二期、第三期款项',
      regionCode: j.regionCode,
      appliedAt,
    });
  }
  // New numbers continue after the demo's.
  for (const [key, last] of numbers.last) {
    const [series, courtCode, year] = key.split('|');
    em.create(CourtNumber, { series: series!, courtCode: courtCode!, year: Number(year), last });
  }
  await em.flush();
}
