import type { AgencySettings } from '@jiefen/calendar';
import type { HubClocks } from './clocks.js';
import { DEFAULT_WARNING_RULES, type WarningRules } from './early-warning.js';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from './tiers.js';

/**
 * The hub's settings: its legal clocks and its "now", built once by `createGovernanceSubgraph(options)`
 * (production: `JIEFEN_GOVERNANCE_CLOCKS`) and handed to the services through the request or docking
 * context — never read from a module global.
 */
export type HubSettings = AgencySettings<HubClocks>;

/** The hub's rules that are not clocks: the 三三制 policy, the early-warning rules (DOMAIN.md defaults) and how reports are linked. */
export interface HubPolicy {
  escalation: EscalationPolicy;
  warnings: WarningRules;
  /**
   * 一案一号: a reported dispute is linked to an open dispute registered at most this many days
   * before it (with a shared party, the same category and town); older ones are a new dispute.
   */
  reportLinkWindowDays: number;
}

export const hubPolicy: Readonly<HubPolicy> = Object.freeze({
  escalation: DEFAULT_ESCALATION_POLICY,
  warnings: DEFAULT_WARNING_RULES,
  reportLinkWindowDays: 90,
});
