import { defineWorkflow, DomainError, type Step } from '@jiefen/workflow';

/** States of a dispute at the hub, from intake to the end of its non-litigation procedure. */
export const DISPUTE_STATES = [
  'REGISTERED',
  'ROUTED',
  'IN_MEDIATION',
  'RESOLVED',
  'UNRESOLVED',
  'UNDER_REVIEW',
  'REVIEWED',
  'CLOSED',
  'GUIDED_TO_LITIGATION',
] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_STATE_NAMES: Record<DisputeState, string> = {
  REGISTERED: '已登记',
  ROUTED: '已研判分流',
  IN_MEDIATION: '化解中',
  RESOLVED: '已化解',
  UNRESOLVED: '化解不成',
  UNDER_REVIEW: '待协调督办岗研判',
  REVIEWED: '已研判待结案',
  CLOSED: '已结案',
  GUIDED_TO_LITIGATION: '已引导诉讼',
};

export const DISPUTE_EVENTS = [
  'ROUTE',
  'NOTIFY',
  'CONSENT',
  'REFUSE',
  'CHANGE_METHOD',
  'RECORD_ATTEMPT',
  'ESCALATE',
  'RESOLVE',
  'FAIL',
  'REQUEST_REVIEW',
  'APPROVE',
  'RETURN',
  'CLOSE',
  'GUIDE_TO_LITIGATION',
  'HAND_BACK',
  'REROUTE',
  'DOCKING_ACCEPTED',
  'DOCKING_CONCLUDED_AGREEMENT',
  'DOCKING_CONCLUDED_NO_AGREEMENT',
] as const;
export type DisputeEvent = (typeof DISPUTE_EVENTS)[number];

export const DISPUTE_EVENT_NAMES: Record<DisputeEvent, string> = {
  ROUTE: '研判分流',
  NOTIFY: '一次性告知',
  CONSENT: '当事人同意调解',
  REFUSE: '当事人拒绝调解',
  CHANGE_METHOD: '调整化解方式',
  RECORD_ATTEMPT: '记录调解',
  ESCALATE: '上交上级化解',
  RESOLVE: '化解成功',
  FAIL: '化解不成',
  REQUEST_REVIEW: '提请终结研判',
  APPROVE: '研判同意终结',
  RETURN: '退回继续化解',
  CLOSE: '结案',
  GUIDE_TO_LITIGATION: '引导诉讼',
  HAND_BACK: '接收单位退回',
  REROUTE: '重新分流',
  DOCKING_ACCEPTED: '调解组织受理',
  DOCKING_CONCLUDED_AGREEMENT: '调解组织反馈:达成协议',
  DOCKING_CONCLUDED_NO_AGREEMENT: '调解组织反馈:调解不成',
};

/** The hub's posts, as roles of the caller: a step is the caller's when any of their roles may take it. */
export type HubRole = 'STAFF' | 'SUPERVISOR';
export const HUB_ROLE_NAMES: Record<HubRole, string> = { STAFF: '工作人员', SUPERVISOR: '协调督办岗' };

/**
 * Who moves a dispute: the hub's posts (a caller's roles), or `DOCKING` — the unit a dispute was
 * handed over to, whose reports reach the hub's docking inbox as events, never as a caller: accepted,
 * sessions held, concluded (for every kind of docking, the hub's own 分流转办 included), and the
 * refusal of a hand-over the hub itself opened (HAND_BACK). `DOCKING` is no role a token can carry
 * (ROLES in @jiefen/auth), so no caller acts as it.
 */
export type DisputeActor = HubRole | 'DOCKING';
export const DISPUTE_ACTOR_NAMES: Record<DisputeActor, string> = { ...HUB_ROLE_NAMES, DOCKING: '接收单位(对接反馈)' };

/** Hub front-desk and mediation posts; the coordination and supervision post (协调督办岗) may do their steps too. */
const STAFF = ['STAFF', 'SUPERVISOR'] as const;
/** Only the coordination and supervision post: closing requires its review first (终结前须经协调督办岗综合研判). */
const SUPERVISOR = ['SUPERVISOR'] as const;
/** The receiving unit's reports only, delivered by the docking: never typed in at the hub. */
const DOCKING = ['DOCKING'] as const;
const by = (to: DisputeState, actors: readonly DisputeActor[] = STAFF): Step<DisputeState, DisputeActor> => ({ to, by: actors });

/** What the service knows beyond the state when a step has a rule of its own (调解前置). */
export interface DisputeFacts {
  /** One-time notifications (一次性告知) given to the parties so far. */
  noticesGiven: number;
  /** The parties' consent to mediation is on record (a dispute the receiving unit handed back keeps it). */
  consented?: boolean;
}

/**
 * 前台统一受理 → 研判分流 → 一次性告知、调解前置(同意 → 化解;拒绝 → 引导诉讼) → 分层化解(三三制,
 * 上交见 tiers.ts) → 化解成功 / 不成 → 协调督办岗研判 → 结案(或退回继续化解、引导诉讼).
 */
export const disputeWorkflow = defineWorkflow<DisputeState, DisputeEvent, DisputeActor, DisputeFacts>({
  name: '纠纷',
  states: DISPUTE_STATES,
  events: DISPUTE_EVENTS,
  stateNames: DISPUTE_STATE_NAMES,
  eventNames: DISPUTE_EVENT_NAMES,
  actorNames: DISPUTE_ACTOR_NAMES,
  // 调解前置: the parties decide on mediation only after the one-time notification. A dispute handed
  // back by its receiving unit (HAND_BACK) keeps their consent: it is routed again (REROUTE), not consented twice.
  guards: { CONSENT: requireFirstConsent, REFUSE: requireNotified, REROUTE: requireConsent },
  // The docking ledger's steps: a hand-over's acceptance puts the dispute in mediation from wherever it
  // waited (the sender may hand over before the hub routed it; a new hand-over after a failed one); its
  // conclusion ends the mediation, from any open state before the review, since the copies of
  // acceptance and conclusion of different hand-overs may arrive in any order. Once resolved, under
  // review or closed, the ledger no longer moves the dispute (a late or other hand-over's report is
  // logged and ignored by the service): only the hub's posts reopen it.
  table: {
    REGISTERED: {
      ROUTE: by('ROUTED'),
      GUIDE_TO_LITIGATION: by('GUIDED_TO_LITIGATION'),
      DOCKING_ACCEPTED: by('IN_MEDIATION', DOCKING),
      DOCKING_CONCLUDED_AGREEMENT: by('RESOLVED', DOCKING),
      DOCKING_CONCLUDED_NO_AGREEMENT: by('UNRESOLVED', DOCKING),
    },
    ROUTED: {
      ROUTE: by('ROUTED'),
      NOTIFY: by('ROUTED'),
      CONSENT: by('IN_MEDIATION'),
      REFUSE: by('GUIDED_TO_LITIGATION'),
      CHANGE_METHOD: by('ROUTED'),
      REROUTE: by('IN_MEDIATION'),
      DOCKING_ACCEPTED: by('IN_MEDIATION', DOCKING),
      DOCKING_CONCLUDED_AGREEMENT: by('RESOLVED', DOCKING),
      DOCKING_CONCLUDED_NO_AGREEMENT: by('UNRESOLVED', DOCKING),
    },
    IN_MEDIATION: {
      // A session held by the receiving organization is an attempt at its tier (三三制), as one typed in at the hub.
      RECORD_ATTEMPT: by('IN_MEDIATION', [...STAFF, 'DOCKING']),
      ESCALATE: by('IN_MEDIATION'),
      CHANGE_METHOD: by('IN_MEDIATION'),
      RESOLVE: by('RESOLVED'),
      FAIL: by('UNRESOLVED'),
      DOCKING_ACCEPTED: by('IN_MEDIATION', DOCKING),
      DOCKING_CONCLUDED_AGREEMENT: by('RESOLVED', DOCKING),
      DOCKING_CONCLUDED_NO_AGREEMENT: by('UNRESOLVED', DOCKING),
      // 分流转办 refused by the receiving unit: back to the hub for re-routing.
      HAND_BACK: by('ROUTED', DOCKING),
    },
    RESOLVED: { REQUEST_REVIEW: by('UNDER_REVIEW') },
    UNRESOLVED: {
      ESCALATE: by('IN_MEDIATION'),
      CHANGE_METHOD: by('IN_MEDIATION'),
      REQUEST_REVIEW: by('UNDER_REVIEW'),
      // Another hand-over after a failed one; or a later hand-over succeeding where an earlier one failed.
      DOCKING_ACCEPTED: by('IN_MEDIATION', DOCKING),
      DOCKING_CONCLUDED_AGREEMENT: by('RESOLVED', DOCKING),
    },
    UNDER_REVIEW: { APPROVE: by('REVIEWED', SUPERVISOR), RETURN: by('IN_MEDIATION', SUPERVISOR) },
    REVIEWED: { CLOSE: by('CLOSED', SUPERVISOR), GUIDE_TO_LITIGATION: by('GUIDED_TO_LITIGATION', SUPERVISOR) },
    CLOSED: {},
    GUIDED_TO_LITIGATION: {},
  },
});

/** States in which the dispute's non-litigation procedure has ended. */
export const FINAL_DISPUTE_STATES: readonly DisputeState[] = ['CLOSED', 'GUIDED_TO_LITIGATION'];

/** 化解方式 (动态调整 changes it). */
export const RESOLUTION_METHODS = [
  'PEOPLES_MEDIATION',
  'ADMINISTRATIVE_MEDIATION',
  'INDUSTRY_MEDIATION',
  'JUDICIAL_MEDIATION',
  'NEUTRAL_EVALUATION',
  'ARBITRATION',
  'ADMINISTRATIVE_RULING',
] as const;
export type ResolutionMethod = (typeof RESOLUTION_METHODS)[number];

export const RESOLUTION_METHOD_NAMES: Record<ResolutionMethod, string> = {
  PEOPLES_MEDIATION: '人民调解',
  ADMINISTRATIVE_MEDIATION: '行政调解',
  INDUSTRY_MEDIATION: '行业性专业性调解',
  JUDICIAL_MEDIATION: '诉前调解(法院委派)',
  NEUTRAL_EVALUATION: '中立评估',
  ARBITRATION: '仲裁',
  ADMINISTRATIVE_RULING: '行政裁决',
};

/** Where routing sends a dispute (研判分流: the responsible unit). */
export const RESPONSIBLE_UNIT_KINDS = ['MEDIATION_ORGANIZATION', 'AGENCY', 'LITIGATION'] as const;
export type ResponsibleUnitKind = (typeof RESPONSIBLE_UNIT_KINDS)[number];

function requireNotified({ noticesGiven }: DisputeFacts): void {
  if (noticesGiven === 0) {
    throw new DomainError('ILLEGAL_TRANSITION', '须先向当事人一次性告知(服务清单),再记录是否同意调解', { event: 'CONSENT' });
  }
}

function requireFirstConsent(facts: DisputeFacts): void {
  requireNotified(facts);
  if (facts.consented) {
    throw new DomainError('ILLEGAL_TRANSITION', '当事人已同意调解;接收单位退回后请重新研判分流', { event: 'CONSENT' });
  }
}

function requireConsent(facts: DisputeFacts): void {
  if (!facts.consented) throw new DomainError('ILLEGAL_TRANSITION', '当事人尚未同意调解,不能重新分流交办', { event: 'REROUTE' });
}
