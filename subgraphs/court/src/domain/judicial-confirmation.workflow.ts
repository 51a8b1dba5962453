import { defineWorkflow, DomainError } from '@jiefen/workflow';

/**
 * 司法确认 (人民调解法 Art 33; 民诉法 Art 201; 法释〔2011〕5号): the parties' joint application
 * arrives with the agreement; the court accepts it (调确字 number) or refuses it; rules within
 * 15 days (+10 once, with the president's approval): confirmed or rejected. A confirmed agreement
 * is performed, or a party applies for enforcement (强制执行).
 */
export const CONFIRMATION_STATES = ['APPLIED', 'ACCEPTED', 'REFUSED', 'CONFIRMED', 'REJECTED', 'PERFORMED', 'ENFORCEMENT_APPLIED'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

export const CONFIRMATION_EVENTS = ['ACCEPT', 'REFUSE', 'EXTEND_RULING', 'CONFIRM', 'REJECT', 'RECORD_PERFORMANCE', 'APPLY_ENFORCEMENT'] as const;
export type ConfirmationEvent = (typeof CONFIRMATION_EVENTS)[number];

export type ConfirmationActor = 'COURT_STAFF' | 'MEDIATION_ORGANIZATION';

const COURT = ['COURT_STAFF'] as const;

export const confirmationWorkflow = defineWorkflow<ConfirmationState, ConfirmationEvent, ConfirmationActor>({
  name: '司法确认申请',
  states: CONFIRMATION_STATES,
  events: CONFIRMATION_EVENTS,
  stateNames: {
    APPLIED: '已申请,待决定是否受理',
    ACCEPTED: '已受理,待裁定',
    REFUSED: '不予受理',
    CONFIRMED: '裁定确认有效',
    REJECTED: '裁定驳回申请',
    PERFORMED: '已履行',
    ENFORCEMENT_APPLIED: '已申请强制执行',
  },
  eventNames: {
    ACCEPT: '受理',
    REFUSE: '不予受理',
    EXTEND_RULING: '延长审查期限',
    CONFIRM: '裁定确认有效',
    REJECT: '裁定驳回申请',
    RECORD_PERFORMANCE: '登记履行',
    APPLY_ENFORCEMENT: '申请强制执行',
  },
  actorNames: { COURT_STAFF: '法院工作人员', MEDIATION_ORGANIZATION: '调解组织' },
  table: {
    APPLIED: { ACCEPT: { to: 'ACCEPTED', by: COURT }, REFUSE: { to: 'REFUSED', by: COURT } },
    ACCEPTED: {
      EXTEND_RULING: { to: 'ACCEPTED', by: COURT },
      CONFIRM: { to: 'CONFIRMED', by: COURT },
      REJECT: { to: 'REJECTED', by: COURT },
    },
    REFUSED: {},
    // The mediation committee supervises performance (人民调解法 Art 31) and may report it.
    CONFIRMED: {
      RECORD_PERFORMANCE: { to: 'PERFORMED', by: ['COURT_STAFF', 'MEDIATION_ORGANIZATION'] },
      APPLY_ENFORCEMENT: { to: 'ENFORCEMENT_APPLIED', by: COURT },
    },
    REJECTED: {},
    PERFORMED: {},
    ENFORCEMENT_APPLIED: {},
  },
});

/** The ruling period is extended once only. */
export function checkRulingExtension(alreadyExtended: boolean): void {
  if (alreadyExtended) throw new DomainError('ALREADY_EXTENDED', '审查期限已经院长批准延长过一次,不得再次延长');
}

/** Which deadline a confirmation is waiting on, if any. */
export function openClock(state: ConfirmationState): 'ACCEPTANCE' | 'RULING' | null {
  if (state === 'APPLIED') return 'ACCEPTANCE';
  if (state === 'ACCEPTED') return 'RULING';
  return null;
}
