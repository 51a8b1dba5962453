import { DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';

// 一案一号: which 审查起诉 cases the procuratorate reports to the hub.

/**
 * Which cases are disputes the hub must know of: those that arise from a civil dispute (因民间纠纷
 * 引起) or are negligent crimes — the two doors of 刑事和解 (刑诉法 Art 288), where suspect and victim
 * have a conflict to resolve. Other criminal cases are no 矛盾纠纷 and are not reported. The charge
 * names no category of the hub's list: the procurator may give one at intake (`disputeCategory`);
 * without it the hub registers the case as 其他 and never links it.
 */
export function isReportedCase(c: { arisesFromCivilDispute?: boolean | null; negligent?: boolean | null }): boolean {
  return c.arisesFromCivilDispute === true || c.negligent === true;
}

/** The hub category a case is reported (and handed over) with: the one given at intake, if it is of the list. */
export function reportedCategory(given: string | null | undefined): DisputeCategory | null {
  return given && (DISPUTE_CATEGORIES as readonly string[]).includes(given) ? (given as DisputeCategory) : null;
}
