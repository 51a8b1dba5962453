import { addDays, addMonths, chinaDate, startOfChinaDay, type AgencySettings } from '@jiefen/calendar';
import { RuleError } from './rule-error.js';

/** A legal time limit: calendar months and/or days. */
export interface Term {
  months?: number;
  days?: number;
}

/**
 * The justice bureau's clocks (DOMAIN.md). Configuration, not literals: provinces differ and laws
 * are renumbered, so a deployment may override any of them (`clocksWith`).
 */
export interface JusticeClocks {
  /** People's mediation is normally concluded within one month of acceptance (人民调解法 Art 18 practice; 人民调解工作若干规定). */
  mediation: Term;
  /** 委派调解 (pre-filing, sent by a court): 30 days, extendable with the parties' consent (特邀调解规定). */
  entrusted: Term;
  /** 委托调解 (post-filing): 15 days under the ordinary procedure … */
  commissionedOrdinary: Term;
  /** … and 7 days under the summary procedure. */
  commissionedSummary: Term;
  /** The longest single extension the parties may consent to. */
  maxExtensionDays: number;
  /** Both parties apply for judicial confirmation within 30 days of the agreement taking effect (人民调解法 Art 33). */
  judicialConfirmation: Term;
  /** Legal aid: the application is reviewed within 7 days (法律援助法 Art 43). */
  legalAidReview: Term;
  /** Legal aid: a lawyer is assigned within 3 days of approval (法律援助法 Art 44, as commonly read). */
  lawyerAssignment: Term;
  /** When the return visit after a concluded mediation falls due (local practice). */
  returnVisitAfterConclusion: Term;
}

// Every term names both its months and its days, so a deployment's override (JIEFEN_JUSTICE_CLOCKS)
// replaces a term whole and is checked against this shape.
export const DEFAULT_CLOCKS: JusticeClocks = Object.freeze({
  mediation: { months: 1, days: 0 },
  entrusted: { months: 0, days: 30 },
  commissionedOrdinary: { months: 0, days: 15 },
  commissionedSummary: { months: 0, days: 7 },
  maxExtensionDays: 30,
  judicialConfirmation: { months: 0, days: 30 },
  legalAidReview: { months: 0, days: 7 },
  lawyerAssignment: { months: 0, days: 3 },
  returnVisitAfterConclusion: { months: 0, days: 15 },
});

export function clocksWith(overrides: Partial<JusticeClocks> = {}): JusticeClocks {
  return { ...DEFAULT_CLOCKS, ...overrides };
}

/** `from` plus a term; months are calendar months in China (31 Jan + 1 month = 28/29 Feb). */
export function addTerm(from: Date, term: Term): Date {
  const afterMonths = term.months ? addMonths(from, term.months) : from;
  return term.days ? addDays(afterMonths, term.days) : afterMonths;
}

/** How a case reached the organization, as far as its clock is concerned. */
export type MediationMode = 'ENTRUST' | 'COMMISSION' | 'TRANSFER' | 'REFERRAL';
export type CourtProcedure = 'ORDINARY' | 'SUMMARY';

/** The term a case must be concluded in, from its docking mode. */
export function mediationTerm(mode: MediationMode | null, procedure: CourtProcedure | null, clocks: JusticeClocks): Term {
  if (mode === 'ENTRUST') return clocks.entrusted;
  if (mode === 'COMMISSION') return procedure === 'SUMMARY' ? clocks.commissionedSummary : clocks.commissionedOrdinary;
  return clocks.mediation;
}

export function mediationDueAt(acceptedAt: Date, mode: MediationMode | null, procedure: CourtProcedure | null, clocks: JusticeClocks): Date {
  return addTerm(acceptedAt, mediationTerm(mode, procedure, clocks));
}

/**
 * A new conclude-by date. An extension needs the recorded consent of every party (特邀调解规定:
 * 经各方当事人同意); without it the extension is refused and nothing changes.
 */
export function extendDueAt(dueAt: Date, days: number, consent: { parties: readonly string[]; consenting: readonly string[] }, clocks: JusticeClocks): Date {
  if (!Number.isInteger(days) || days < 1 || days > clocks.maxExtensionDays) {
    throw RuleError.validation('days', `延长天数须为 1 到 ${clocks.maxExtensionDays} 之间的整数`);
  }
  const unknown = consent.consenting.find((p) => !consent.parties.includes(p));
  if (unknown) throw RuleError.validation('consentingPartyIds', '同意延期的当事人不属于本案');
  const missing = consent.parties.filter((p) => !consent.consenting.includes(p));
  if (consent.parties.length === 0 || missing.length > 0) {
    throw new RuleError('EXTENSION_CONSENT_REQUIRED', '延长调解期限须经各方当事人同意,并记录在案', { missingPartyIds: missing });
  }
  return addDays(dueAt, days);
}

/** The last day to apply for judicial confirmation: effective date + 30 days (a calendar date). */
export function confirmationDeadline(effectiveDate: string, clocks: JusticeClocks): string {
  const term = clocks.judicialConfirmation;
  const end = addTerm(startOfChinaDay(effectiveDate), term);
  return chinaDate(end);
}

export function legalAidReviewDueAt(appliedAt: Date, clocks: JusticeClocks): Date {
  return addTerm(appliedAt, clocks.legalAidReview);
}

export function lawyerAssignmentDueAt(approvedAt: Date, clocks: JusticeClocks): Date {
  return addTerm(approvedAt, clocks.lawyerAssignment);
}

/** The day the return visit after a conclusion falls due. */
export function returnVisitDate(concludedAt: Date, clocks: JusticeClocks): string {
  return chinaDate(addTerm(concludedAt, clocks.returnVisitAfterConclusion));
}

/** What the subgraph runs on: its clocks and its notion of "now" (injectable, so tests need not wait). */
export type JusticeSettings = AgencySettings<JusticeClocks>;
