import { addDays, type AgencySettings } from '@jiefen/calendar';

/**
 * The court's clocks (DOMAIN.md; 特邀调解规定 法释〔2016〕14号, 人民调解法 Art 33, 民诉法 Art 201,
 * 法释〔2011〕5号). Configuration with these defaults — provinces differ and laws are renumbered —
 * passed to the services, never literals in code. Days are calendar days counted from the moment
 * the clock starts.
 */
export type Procedure = 'ORDINARY' | 'SUMMARY';
export type MediationMode = 'DELEGATED' | 'ENTRUSTED';

export interface CourtClocks {
  /** 委派 pre-filing mediation (extendable with the parties' consent). */
  delegatedMediationDays: number;
  /** 委托 mediation during litigation, by procedure. */
  entrustedMediationDays: Record<Procedure, number>;
  /** Both parties apply for judicial confirmation within this many days of the agreement taking effect. */
  confirmationApplicationDays: number;
  /** The court decides whether to accept an application. */
  confirmationAcceptanceDays: number;
  /** The court rules after accepting… */
  confirmationRulingDays: number;
  /** …plus this many days once, with the president's approval. */
  confirmationRulingExtensionDays: number;
}

export const COURT_CLOCKS: CourtClocks = Object.freeze({
  delegatedMediationDays: 30,
  entrustedMediationDays: Object.freeze({ ORDINARY: 15, SUMMARY: 7 }),
  confirmationApplicationDays: 30,
  confirmationAcceptanceDays: 3,
  confirmationRulingDays: 15,
  confirmationRulingExtensionDays: 10,
});

/** What the court's services run on: these clocks and the subgraph's "now". */
export type CourtSettings = AgencySettings<CourtClocks>;

/** The defaults with some clocks overridden (a province's own rules). */
export function courtClocks(overrides: Partial<CourtClocks> = {}): CourtClocks {
  return { ...COURT_CLOCKS, ...overrides };
}

/** When a mediation the court sent out is due back. 委托 needs the procedure of the filed case. */
export function mediationDueAt(mode: MediationMode, sentAt: Date, procedure: Procedure | null, clocks: CourtClocks = COURT_CLOCKS): Date {
  if (mode === 'DELEGATED') return addDays(sentAt, clocks.delegatedMediationDays);
  return addDays(sentAt, clocks.entrustedMediationDays[procedure ?? 'ORDINARY']);
}

/** The last moment a judicial-confirmation application is in time. */
export function applicationDeadline(agreementEffectiveAt: Date, clocks: CourtClocks = COURT_CLOCKS): Date {
  return addDays(agreementEffectiveAt, clocks.confirmationApplicationDays);
}

export function acceptanceDueAt(appliedAt: Date, clocks: CourtClocks = COURT_CLOCKS): Date {
  return addDays(appliedAt, clocks.confirmationAcceptanceDays);
}

export function rulingDueAt(acceptedAt: Date, extended: boolean, clocks: CourtClocks = COURT_CLOCKS): Date {
  return addDays(acceptedAt, clocks.confirmationRulingDays + (extended ? clocks.confirmationRulingExtensionDays : 0));
}
