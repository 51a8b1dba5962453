import { addDays } from '@jiefen/calendar';
import type { DisputeState } from './dispute.workflow.js';
import type { Tier } from './tiers.js';

/**
 * The hub's clocks, in calendar days (DOMAIN.md: clocks are configuration; provinces differ).
 * Defaults: people's mediation normally within one month (人民调解工作若干规定), a village a
 * fortnight for the simple disputes it keeps; routing, consent and review are the county plans'
 * short internal limits.
 */
export interface HubClocks {
  /** REGISTERED: assessed and routed (研判分流). */
  routeDays: number;
  /** ROUTED: notification given and consent recorded. */
  consentDays: number;
  /** IN_MEDIATION: per tier, counted from entering the tier (an escalation restarts it). */
  mediationDays: Record<Tier, number>;
  /** RESOLVED / UNRESOLVED: the review requested from the coordination post. */
  reviewRequestDays: number;
  /** UNDER_REVIEW: the coordination post's review. */
  reviewDays: number;
  /** REVIEWED: closed. */
  closeDays: number;
  /** Screening reports are due this many days after their period ends. */
  screeningGraceDays: number;
}

export const DEFAULT_HUB_CLOCKS: HubClocks = {
  routeDays: 3,
  consentDays: 7,
  mediationDays: { VILLAGE: 15, TOWN: 30, COUNTY: 30 },
  reviewRequestDays: 5,
  reviewDays: 7,
  closeDays: 3,
  screeningGraceDays: 1,
};

/** When the clock of the dispute's current state runs out, or null when none runs (the procedure ended). */
export function disputeDueAt(state: DisputeState, tier: Tier, since: Date, clocks: HubClocks = DEFAULT_HUB_CLOCKS): Date | null {
  const days: Record<DisputeState, number | null> = {
    REGISTERED: clocks.routeDays,
    ROUTED: clocks.consentDays,
    IN_MEDIATION: clocks.mediationDays[tier],
    RESOLVED: clocks.reviewRequestDays,
    UNRESOLVED: clocks.reviewRequestDays,
    UNDER_REVIEW: clocks.reviewDays,
    REVIEWED: clocks.closeDays,
    CLOSED: null,
    GUIDED_TO_LITIGATION: null,
  };
  const d = days[state];
  return d === null ? null : addDays(since, d);
}
