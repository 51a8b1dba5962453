import { DEFAULT_HUB_CLOCKS, type HubClocks } from './clocks.js';
import { DEFAULT_DOCKING_CLOCKS, type DockingClocks } from './docking.js';
import { DEFAULT_WARNING_RULES, type WarningRules } from './early-warning.js';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from './tiers.js';

/** The hub's configurable rules: clocks, 三三制 policy and early-warning rules (DOMAIN.md defaults). */
export interface HubConfig {
  clocks: HubClocks;
  dockingClocks: DockingClocks;
  escalation: EscalationPolicy;
  warnings: WarningRules;
}

export const hubConfig: HubConfig = {
  clocks: DEFAULT_HUB_CLOCKS,
  dockingClocks: DEFAULT_DOCKING_CLOCKS,
  escalation: DEFAULT_ESCALATION_POLICY,
  warnings: DEFAULT_WARNING_RULES,
};

/** Overrides part of the configuration (a province's own clocks, a county's thresholds). */
export function configureHub(overrides: Partial<HubConfig>): void {
  Object.assign(hubConfig, overrides);
}
