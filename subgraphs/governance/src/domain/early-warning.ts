import { maxRisk, riskRank, type RiskLevel, type Tier } from './tiers.js';

/** Why an alert was raised: one of the configured rules, or a person's judgement (MANUAL). */
export const ALERT_RULES = ['PEOPLE_INVOLVED', 'REPEAT_PERSON', 'ESCALATION', 'SENSITIVE_CATEGORY', 'MANUAL'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** 预警研判 rules: explicit and configurable (each county sets its own thresholds). */
export interface WarningRules {
  /** People involved at or above `atLeast` → `level` (the highest matching threshold wins). */
  peopleInvolved: { atLeast: number; level: RiskLevel }[];
  /** A party already party to `atLeast` other disputes within `withinDays` (by person key). */
  repeatPerson: { atLeast: number; withinDays: number; level: RiskLevel };
  /** An escalation to a tier. */
  escalation: Partial<Record<Tier, RiskLevel>>;
  /** Categories that are sensitive in themselves (征地拆迁 …). */
  sensitiveCategories: { categories: string[]; level: RiskLevel };
}

export const DEFAULT_WARNING_RULES: WarningRules = {
  peopleInvolved: [
    { atLeast: 5, level: 'MEDIUM' },
    { atLeast: 10, level: 'HIGH' },
    { atLeast: 50, level: 'CRITICAL' },
  ],
  repeatPerson: { atLeast: 1, withinDays: 365, level: 'MEDIUM' },
  escalation: { TOWN: 'MEDIUM', COUNTY: 'HIGH' },
  sensitiveCategories: { categories: ['征地拆迁', '环境污染'], level: 'HIGH' },
};

export interface Warning {
  rule: AlertRule;
  level: RiskLevel;
  reason: string;
}

/** Warnings at registration: people involved, repeat disputes by the same person, sensitive category. */
export function warningsAtRegistration(
  facts: { peopleInvolved: number; category: string; priorDisputesByParty: number[] },
  rules: WarningRules = DEFAULT_WARNING_RULES,
): Warning[] {
  const warnings: Warning[] = [];
  const people = [...rules.peopleInvolved].sort((a, b) => b.atLeast - a.atLeast).find((t) => facts.peopleInvolved >= t.atLeast);
  if (people) warnings.push({ rule: 'PEOPLE_INVOLVED', level: people.level, reason: `涉及 ${facts.peopleInvolved} 人(预警阈值 ${people.atLeast} 人)` });
  const repeat = Math.max(0, ...facts.priorDisputesByParty);
  if (repeat >= rules.repeatPerson.atLeast) {
    warnings.push({
      rule: 'REPEAT_PERSON',
      level: rules.repeatPerson.level,
      reason: `当事人 ${rules.repeatPerson.withinDays} 日内已有 ${repeat} 件其他纠纷(重复纠纷)`,
    });
  }
  if (rules.sensitiveCategories.categories.includes(facts.category)) {
    warnings.push({ rule: 'SENSITIVE_CATEGORY', level: rules.sensitiveCategories.level, reason: `敏感类别:${facts.category}` });
  }
  return warnings;
}

/** Warnings when a dispute goes up a tier. */
export function warningsAtEscalation(facts: { toTier: Tier; override: boolean }, rules: WarningRules = DEFAULT_WARNING_RULES): Warning[] {
  const level = rules.escalation[facts.toTier];
  if (!level) return [];
  return [
    {
      rule: 'ESCALATION',
      level,
      reason: facts.override
        ? `风险较高,提前上交至${facts.toTier === 'TOWN' ? '镇' : '县'}级化解`
        : `本级化解未果,上交至${facts.toTier === 'TOWN' ? '镇' : '县'}级化解`,
    },
  ];
}

/** The dispute's risk level after warnings: never lowered by a rule. */
export function riskAfter(current: RiskLevel, warnings: Warning[]): RiskLevel {
  return maxRisk(current, ...warnings.map((w) => w.level));
}

export function atLeastRisk(level: RiskLevel, threshold: RiskLevel): boolean {
  return riskRank(level) >= riskRank(threshold);
}
