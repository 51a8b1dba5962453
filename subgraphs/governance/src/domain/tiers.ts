import { DomainError } from '@jiefen/workflow';

/** 分层化解: village handles the simple, town the general and major, county the rest (小事不出村,大事不出镇). */
export const TIERS = ['VILLAGE', 'TOWN', 'COUNTY'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, string> = { VILLAGE: '村(社区)', TOWN: '镇(街道)', COUNTY: '县(市、区)' };

export function nextTier(tier: Tier): Tier | null {
  return TIERS[TIERS.indexOf(tier) + 1] ?? null;
}

/** The tier a region's own organizations work at: a 12-digit code is a village/community, 9 a town. */
export function tierOfRegion(regionCode: string): Tier {
  return regionCode.length >= 12 ? 'VILLAGE' : regionCode.length >= 9 ? 'TOWN' : 'COUNTY';
}

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_NAMES: Record<RiskLevel, string> = { LOW: '低', MEDIUM: '中', HIGH: '高', CRITICAL: '重大' };

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function maxRisk(...levels: RiskLevel[]): RiskLevel {
  return levels.reduce<RiskLevel>((a, b) => (riskRank(b) > riskRank(a) ? b : a), 'LOW');
}

/** 三三制: how many recorded attempts a tier owes before passing a dispute up, and which risk justifies skipping that. */
export interface EscalationPolicy {
  minAttempts: number;
  /** From this risk level on, an escalation before `minAttempts` is allowed with a recorded reason. */
  overrideFromRisk: RiskLevel;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = { minAttempts: 3, overrideFromRisk: 'HIGH' };

export interface EscalationDecision {
  toTier: Tier;
  /** True when the dispute goes up before `minAttempts` attempts, on the strength of its risk. */
  override: boolean;
}

/**
 * Whether a dispute may go up a tier now. At least `minAttempts` recorded attempts at the current
 * tier; fewer only with a reason and a risk level at or above `overrideFromRisk`.
 */
export function decideEscalation(
  facts: { tier: Tier; attemptsAtTier: number; riskLevel: RiskLevel; overrideReason: string | null },
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationDecision {
  const toTier = nextTier(facts.tier);
  if (!toTier) throw new DomainError('ESCALATION_REFUSED', '纠纷已在县级化解,不能再上交', { tier: facts.tier });
  if (facts.attemptsAtTier >= policy.minAttempts) return { toTier, override: false };
  const details = { attempts: facts.attemptsAtTier, required: policy.minAttempts, riskLevel: facts.riskLevel };
  if (!facts.overrideReason) {
    throw new DomainError(
      'ESCALATION_REFUSED',
      `三三制:须在${TIER_NAMES[facts.tier]}层级至少调解 ${policy.minAttempts} 次后方可上交(已调解 ${facts.attemptsAtTier} 次);风险等级达到“${RISK_LEVEL_NAMES[policy.overrideFromRisk]}”时可说明理由提前上交`,
      details,
    );
  }
  if (riskRank(facts.riskLevel) < riskRank(policy.overrideFromRisk)) {
    throw new DomainError(
      'ESCALATION_REFUSED',
      `风险等级为“${RISK_LEVEL_NAMES[facts.riskLevel]}”,不足以提前上交(须达到“${RISK_LEVEL_NAMES[policy.overrideFromRisk]}”),请先在本级调解满 ${policy.minAttempts} 次`,
      details,
    );
  }
  return { toTier, override: true };
}
