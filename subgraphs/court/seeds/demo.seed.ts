import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { committeeOf, demoDisputes, demoId, type DemoDispute } from '@jiefen/demo-data';
import { addDays } from '@jiefen/calendar';
import { caseYearOf, courtCodeOf, formatCaseNumber, type CaseSeries } from '../src/domain/case-numbers.js';
import { acceptanceDueAt, mediationDueAt, rulingDueAt } from '../src/domain/clocks.js';
import { stageOf, type CourtCaseState } from '../src/domain/court-case.workflow.js';
import type { ConfirmationState } from '../src/domain/judicial-confirmation.workflow.js';
import { CourtCase } from '../src/entities/court-case.entity.js';
import { CourtNumber } from '../src/entities/court-number.entity.js';
import { EnforcementApplication } from '../src/entities/enforcement-application.entity.js';
import { JudicialConfirmation } from '../src/entities/judicial-confirmation.entity.js';

/** Every state a case can be in, so the demo shows each view filled. */
const CASE_STATES: CourtCaseState[] = [
  'RECEIVED',
  'DIVERTED_TO_MEDIATION',
  'MEDIATION_SUCCEEDED',
  'MEDIATION_FAILED',
  'FILED',
  'IN_ENTRUSTED_MEDIATION',
  'SETTLED_BY_MEDIATION',
];
const CONFIRMATION_STATES: ConfirmationState[] = ['APPLIED', 'ACCEPTED', 'REFUSED', 'CONFIRMED', 'REJECTED', 'PERFORMED', 'ENFORCEMENT_APPLIED'];

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
  const receivedAt = new Date(d.registeredAt.getTime() + 2 * 86_400_000);
  const c: Partial<CourtCase> & Pick<CourtCase, 'id' | 'disputeId' | 'caseNumber' | 'cause' | 'regionCode' | 'receivedAt'> = {
    id: demoId('court-case', d.n),
    disputeId: d.id,
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
  const divertedAt = addDays(receivedAt, 1);
  if (['DIVERTED_TO_MEDIATION', 'MEDIATION_SUCCEEDED', 'MEDIATION_FAILED', 'FILED'].includes(state)) {
    Object.assign(c, { divertedAt, mediationMode: 'DELEGATED', mediationSentAt: divertedAt });
    if (state === 'DIVERTED_TO_MEDIATION') c.mediationDueAt = mediationDueAt('DELEGATED', divertedAt, null);
    else {
      const ok = state === 'MEDIATION_SUCCEEDED';
      const at = addDays(divertedAt, ok ? 12 : 20);
      Object.assign(c, {
        preFilingOutcome: ok ? 'SUCCEEDED' : 'FAILED',
        preFilingOutcomeAt: at,
        mediationOutcome: ok ? 'SUCCEEDED' : 'FAILED',
        mediationOutcomeAt: at,
        mediationOutcomeNote: ok ? '双方达成调解协议,约定分期履行' : '双方对赔偿数额分歧较大,调解不成',
        agreementId: ok ? demoId('mediation-agreement', d.n) : null,
      });
    }
  }
  if (state === 'FILED') {
    const filedAt = addDays(divertedAt, 21);
    Object.assign(c, { procedure: 'SUMMARY', filedAt, filingNumber: numbers.next('FIRST_INSTANCE_CIVIL', d.regionCode, filedAt, 2001) });
  }
  if (state === 'IN_ENTRUSTED_MEDIATION' || state === 'SETTLED_BY_MEDIATION') {
    // Parties who declined pre-filing mediation were filed at once; the judge then entrusted mediation.
    const filedAt = addDays(receivedAt, 1);
    const sentAt = addDays(filedAt, 3);
    Object.assign(c, { procedure: 'ORDINARY', filedAt, filingNumber: numbers.next('FIRST_INSTANCE_CIVIL', d.regionCode, filedAt, 2001) });
    Object.assign(c, { mediationMode: 'ENTRUSTED', mediationSentAt: sentAt });
    if (state === 'IN_ENTRUSTED_MEDIATION') c.mediationDueAt = mediationDueAt('ENTRUSTED', sentAt, 'ORDINARY');
    else {
      Object.assign(c, {
        mediationOutcome: 'SUCCEEDED',
        mediationOutcomeAt: addDays(sentAt, 9),
        mediationOutcomeNote: '委托调解达成协议',
        agreementId: demoId('mediation-agreement', d.n),
      });
    }
  }
  return c as CourtCase;
}

/** The docking of a case the court sent to mediation (the committee's code is not in the demo data). */
function handOverOf(d: DemoDispute, c: CourtCase): RequiredEntityData<DockingOutgoing> {
  const concluded = c.mediationOutcome
    ? {
        status: 'CONCLUDED' as const,
        concludedAt: c.mediationOutcomeAt,
        outcome: c.mediationOutcome === 'SUCCEEDED' ? ('AGREEMENT' as const) : ('NO_AGREEMENT' as const),
        outcomeSummary: c.mediationOutcomeNote,
      }
    : {};
  return {
    id: demoId('court-docking', d.n),
    dockingId: demoId('docking-COURT', d.n),
    fromAgency: 'COURT',
    toAgency: 'JUSTICE',
    kind: 'COURT',
    mode: c.mediationMode === 'ENTRUSTED' ? 'COMMISSION' : 'ENTRUST',
    recordType: 'CourtCase',
    recordId: c.id,
    recordNumber: c.filingNumber ?? c.caseNumber,
    regionCode: c.regionCode,
    organizationCode: null,
    organizationName: committeeOf(d),
    officerName: null,
    sentAt: c.mediationSentAt!,
    status: 'ACCEPTED',
    acceptedAt: addDays(c.mediationSentAt!, 1),
    ...concluded,
  };
}

function confirmationOf(d: DemoDispute, state: ConfirmationState, courtCaseId: string | null, effectiveAt: Date, numbers: Numbers): JudicialConfirmation {
  const appliedAt = addDays(effectiveAt, state === 'REFUSED' ? 41 : 6);
  const acceptedAt = addDays(appliedAt, 2);
  const j: Partial<JudicialConfirmation> = {
    id: demoId('judicial-confirmation', d.n),
    applicationId: `demo-application-${d.n}`,
    disputeId: d.id,
    courtCaseId,
    agreementId: demoId('mediation-agreement', d.n),
    mediationOrganization: committeeOf(d),
    agreementSummary: `${d.parties[1]!.name}于协议生效后三个月内分期支付${d.parties[0]!.name}人民币${((d.n * 1700) % 40000) + 3000}元,双方就${d.summary}再无其他争议`,
    matters: [d.category === '损害赔偿' || d.category === '道路交通事故' ? 'COMPENSATION' : d.category === '合同' ? 'CONTRACT' : 'DEBT'],
    agreementEffectiveAt: effectiveAt,
    applicants: d.parties.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone })),
    jointApplication: true,
    status: state,
    regionCode: d.regionCode,
    appliedAt,
    acceptDueAt: acceptanceDueAt(appliedAt),
    nextDeadlineAt: state === 'APPLIED' ? acceptanceDueAt(appliedAt) : null,
  };
  if (state === 'REFUSED')
    Object.assign(j, { refusalReasons: ['LATE_APPLICATION'], refusedAt: addDays(appliedAt, 1), refusalNote: '申请超过调解协议生效之日起三十日' });
  if (!['APPLIED', 'REFUSED'].includes(state)) {
    Object.assign(j, { acceptedAt, caseNumber: numbers.next('JUDICIAL_CONFIRMATION', d.regionCode, acceptedAt), ruleDueAt: rulingDueAt(acceptedAt, false) });
    if (state === 'ACCEPTED') j.nextDeadlineAt = j.ruleDueAt;
    else
      Object.assign(j, {
        ruledAt: addDays(acceptedAt, 9),
        rulingNote: state === 'REJECTED' ? '协议内容损害案外人合法权益,驳回申请' : '调解协议系双方自愿达成,内容不违反法律规定,确认有效',
      });
  }
  if (state === 'PERFORMED') j.performedAt = addDays(acceptedAt, 40);
  return j as JudicialConfirmation;
}

/** Civil cases the 兴化市人民法院 received for the demo disputes that reached the court, in every state, with judicial confirmations. */
export async function seedCourt(em: EntityManager, options: SeedOptions): Promise<void> {
  const numbers = new Numbers();
  const disputes = demoDisputes(options.disputeCount);
  let confirmations = 0;
  disputes
    .filter((x) => x.agencies.court)
    .forEach((d, i) => {
      const state = CASE_STATES[i % CASE_STATES.length]!;
      const c = em.create(CourtCase, caseOf(d, state, numbers));
      if (c.mediationSentAt) em.create(DockingOutgoing, handOverOf(d, c));
      if (c.mediationOutcome === 'SUCCEEDED' && c.mediationOutcomeAt) {
        em.create(
          JudicialConfirmation,
          confirmationOf(d, CONFIRMATION_STATES[confirmations++ % CONFIRMATION_STATES.length]!, c.id, c.mediationOutcomeAt, numbers),
        );
      }
    });
  // Agreements people's mediation reached on its own come to the basic court where the committee sits.
  for (const d of disputes.filter((x) => x.agencies.justice && !x.agencies.court).slice(0, CONFIRMATION_STATES.length)) {
    em.create(
      JudicialConfirmation,
      confirmationOf(d, CONFIRMATION_STATES[confirmations++ % CONFIRMATION_STATES.length]!, null, addDays(d.registeredAt, 15), numbers),
    );
  }
  await em.flush();
  for (const j of await em.find(JudicialConfirmation, { status: 'ENFORCEMENT_APPLIED' })) {
    const appliedAt = addDays(j.ruledAt!, 35);
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
