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

// The DOMAIN.md defaults. Not mutable: a deployment's clocks come through createGovernanceSubgraph(options)
// (JIEFEN_GOVERNANCE_CLOCKS), never through a module global.
export const hubConfig: Readonly<HubConfig> = Object.freeze({
  clocks: DEFAULT_HUB_CLOCKS,
  dockingClocks: DEFAULT_DOCKING_CLOCKS,
  escalation: DEFAULT_ESCALATION_POLICY,
  warnings: DEFAULT_WARNING_RULES,
});
