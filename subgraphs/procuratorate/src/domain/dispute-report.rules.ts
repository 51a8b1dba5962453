// 一案一号: which 审查起诉 cases the procuratorate reports to the hub.

/**
 * Which cases are disputes the hub must know of: those that arise from a civil dispute (因民间纠纷
 * 引起) or are negligent crimes — the two doors of 刑事和解 (刑诉法 Art 288), where suspect and victim
 * have a conflict to resolve. Other criminal cases are no 矛盾纠纷 and are not reported. The charge
 * names no category of the hub's list: the hub triages it.
 */
export function isReportedCase(c: { arisesFromCivilDispute?: boolean | null; negligent?: boolean | null }): boolean {
  return c.arisesFromCivilDispute === true || c.negligent === true;
}
