import { chinaDate } from '@jiefen/calendar';
import { RuleError } from './rule-error.js';

/** Written (书面) or oral (口头, recorded by the mediator: 人民调解法 Art 28, 30). */
export const AGREEMENT_FORMS = ['WRITTEN', 'ORAL'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

export const SIGNATURE_METHODS = ['SIGNATURE', 'SEAL', 'FINGERPRINT'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const PERFORMANCE_STATES = ['PENDING', 'PARTIALLY_PERFORMED', 'PERFORMED', 'NOT_PERFORMED'] as const;
export type PerformanceState = (typeof PERFORMANCE_STATES)[number];

export interface PartySignature {
  partyId: string;
  method: SignatureMethod;
  signedAt: string;
}

export interface SigningState {
  form: AgreementForm;
  partyIds: readonly string[];
  signatures: readonly PartySignature[];
  mediatorSignedAt: string | null;
  sealedAt: string | null;
}

/**
 * Adds signatures. A party signs once; only the case's parties sign. Returns the new signatures.
 */
export function addSignatures(state: SigningState, added: readonly { partyId: string; method: SignatureMethod }[], at: Date): PartySignature[] {
  if (state.form === 'ORAL') throw RuleError.validation('signatures', '口头协议由调解员记录,无需签名');
  const result = [...state.signatures];
  added.forEach((s, i) => {
    if (!state.partyIds.includes(s.partyId)) throw RuleError.validation(`signatures[${i}].partyId`, '签名人不是本案当事人');
    if (result.some((r) => r.partyId === s.partyId)) throw RuleError.validation(`signatures[${i}].partyId`, '该当事人已签名');
    result.push({ partyId: s.partyId, method: s.method, signedAt: at.toISOString() });
  });
  return result;
}

/**
 * A written agreement takes effect when every party has signed, sealed or fingerprinted it and the
 * mediator has signed it under the committee's seal (人民调解法 Art 29); an oral one when reached
 * (Art 30). Returns the effective date (YYYY-MM-DD, China time) or null while incomplete.
 */
export function effectiveDateOf(state: SigningState, recordedAt: Date): string | null {
  if (state.form === 'ORAL') return chinaDate(recordedAt);
  const allParties = state.partyIds.length > 0 && state.partyIds.every((p) => state.signatures.some((s) => s.partyId === p));
  if (!allParties || !state.mediatorSignedAt || !state.sealedAt) return null;
  const last = [...state.signatures.map((s) => s.signedAt), state.mediatorSignedAt, state.sealedAt].sort().at(-1)!;
  return chinaDate(new Date(last));
}

/** The performance deadline must not fall before the agreement is made. */
export function performanceDeadlineProblem(deadline: string, today: string): string | null {
  return deadline < today ? '履行期限不能早于协议制作日期' : null;
}

/** Whether performance is overdue: deadline passed and not fully performed. */
export function performanceOverdue(deadline: string, status: PerformanceState, today: string): boolean {
  return status !== 'PERFORMED' && deadline < today;
}

/** The court's decisions on a judicial confirmation (司法确认) applied for through the docking. */
export const CONFIRMATION_RULINGS = ['CONFIRMED', 'REJECTED', 'REFUSED'] as const;
export type ConfirmationRuling = (typeof CONFIRMATION_RULINGS)[number];

/**
 * Whether the parties may still apply for judicial confirmation of an agreement through the court
 * that sent the case: effective, not applied yet, and within its confirmation deadline (a date, inclusive).
 */
export function confirmationApplicationProblem(
  a: { effectiveDate: string | null; confirmationDeadline: string | null; appliedAt: Date | null },
  today: string,
): RuleError | null {
  if (!a.effectiveDate) return new RuleError('ILLEGAL_TRANSITION', '调解协议尚未生效,不能申请司法确认', { from: 'NOT_EFFECTIVE', event: '申请司法确认' });
  if (a.appliedAt) return new RuleError('ILLEGAL_TRANSITION', '已申请司法确认,不能重复申请', { from: 'APPLIED', event: '申请司法确认' });
  if (a.confirmationDeadline && today > a.confirmationDeadline) {
    return RuleError.validation('agreementId', `已超过申请司法确认的期限(${a.confirmationDeadline})`);
  }
  return null;
}
