import { DISPUTE_CATEGORIES } from './categories.js';

/**
 * How a docking request (对接) from another agency becomes a case in a mediation organization's
 * inbox: pure rules, no ORM. The event contract itself lives in @jiefen/docking.
 */

/** 诉调 / 公调 / 检调 / 访调 / 援调 / 综治中心分流: the kind names the sender, and so the case's source. */
export const DOCKING_KINDS = ['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB'] as const;
export type DockingKindValue = (typeof DOCKING_KINDS)[number];

/** 委派 / 委托 / 移交 / 转介: decides the case's clock once accepted. */
export const DOCKING_MODES = ['ENTRUST', 'COMMISSION', 'TRANSFER', 'REFERRAL'] as const;
export type DockingModeValue = (typeof DOCKING_MODES)[number];

/** Reasons of an automatic refusal, told to the sender (and the hub) in `DockingRejected`. */
export const AUTOMATIC_REJECTIONS = {
  UNKNOWN_ORGANIZATION: '调解组织不存在',
  OUTSIDE_AREA: '纠纷发生地不在该调解组织的辖区内',
  INCOMPLETE: '对接材料不完整',
} as const;

/** The case's source (`MediationSource`) for a docking kind: the same names, but the hub's routing is `HUB_REFERRAL` (综治中心分流). */
export function sourceOfKind(kind: DockingKindValue): Exclude<DockingKindValue, 'HUB'> | 'HUB_REFERRAL' {
  return kind === 'HUB' ? 'HUB_REFERRAL' : kind;
}

/**
 * The statistics category of a docked dispute. Senders use their own words (公安 '民间纠纷',
 * '邻里纠纷'); what is not one of the people's-mediation categories is counted as 其他.
 */
export function dockedCategory(raw: unknown): (typeof DISPUTE_CATEGORIES)[number] {
  const categories: readonly string[] = DISPUTE_CATEGORIES;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (categories.includes(text)) return text as (typeof DISPUTE_CATEGORIES)[number];
  const stem = text.replace(/纠纷$/, '');
  return categories.includes(stem) ? (stem as (typeof DISPUTE_CATEGORIES)[number]) : '其他';
}

/** The shape a `DockingRequested` payload must have before anything is looked up (or null when it has it). */
export interface DockingRequestShape {
  kind?: unknown;
  mode?: unknown;
  regionCode?: unknown;
  summary?: unknown;
  disputeId?: unknown;
  target?: { organizationCode?: unknown } | null;
  parties?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is missing or malformed in a docking request, in words the sender's officer understands; null when complete. */
export function dockingRequestProblem(p: DockingRequestShape): string | null {
  if (!(DOCKING_KINDS as readonly unknown[]).includes(p.kind)) return '对接类型无效';
  if (!(DOCKING_MODES as readonly unknown[]).includes(p.mode)) return '对接方式无效';
  if (typeof p.regionCode !== 'string' || !/^\d{6}(\d{3}){0,2}$/.test(p.regionCode)) return '纠纷发生地区划代码无效';
  if (typeof p.summary !== 'string' || p.summary.trim().length < 2) return '缺少纠纷概要';
  if (p.disputeId !== null && p.disputeId !== undefined && (typeof p.disputeId !== 'string' || !UUID.test(p.disputeId))) return '纠纷编号无效';
  if (typeof p.target?.organizationCode !== 'string') return '缺少接收的调解组织';
  if (!Array.isArray(p.parties) || p.parties.length === 0) return '缺少当事人信息';
  const party = (x: unknown): x is { role: unknown; name: unknown } => typeof x === 'object' && x !== null;
  if (!p.parties.every((x) => party(x) && typeof x.role === 'string' && typeof x.name === 'string')) return '当事人信息不完整';
  return null;
}

/**
 * What is wrong with the parties a sender handed over, beyond each field: nobody twice. Unlike a
 * direct application, a missing respondent does not refuse the hand-over (the police may not know
 * who the other side is yet; the mediator finds out).
 */
export function dockedPartiesProblem(parties: readonly { idNumber: string | null }[]): string | null {
  const seen = new Set<string>();
  for (const p of parties) {
    if (!p.idNumber) continue;
    if (seen.has(p.idNumber)) return '同一当事人不能重复登记';
    seen.add(p.idNumber);
  }
  return null;
}

/** Whether a dispute's place lies within the organization's area (region codes are prefixes). */
export function withinArea(organizationRegion: string, disputeRegion: string): boolean {
  return disputeRegion.startsWith(organizationRegion);
}

/** The summary fed back with an outcome: what was agreed, or why mediation ended. */
export function outcomeSummary(outcomeName: string, detail: { agreementNumber?: string; terms?: readonly string[]; note?: string | null }): string {
  if (detail.agreementNumber) return `${outcomeName}(${detail.agreementNumber}):${(detail.terms ?? []).join(';')}`;
  return detail.note ? `${outcomeName}:${detail.note}` : outcomeName;
}
