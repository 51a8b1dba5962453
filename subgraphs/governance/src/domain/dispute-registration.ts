import { chinaYear } from '@jiefen/calendar';

export { DISPUTE_CATEGORIES, PARTY_ROLES, type DisputeCategory, type PartyRole } from '@jiefen/codes';

/** Channels of the one front desk (统一受理). */
export const CHANNELS = ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The sequence of a unified number runs per town (or street) and calendar year (packages/codes). */
export { disputeNumberScope as numberScope, formatDisputeNumber } from '@jiefen/codes';

/** The year of registration in China Standard Time (a dispute registered at 00:30 on 1 January belongs to the new year). */
export function registrationYear(at: Date): number {
  return chinaYear(at);
}

/** A dispute needs at least one applicant; a party appears once by ID number. */
export function partiesProblem(parties: { role: string; idNumber: string | null }[]): { index: number; message: string } | null {
  if (parties.length === 0) return { index: 0, message: '至少需要一名当事人' };
  if (!parties.some((p) => p.role === 'APPLICANT')) return { index: 0, message: '至少需要一名申请人' };
  const seen = new Set<string>();
  for (const [index, p] of parties.entries()) {
    if (!p.idNumber) continue;
    if (seen.has(p.idNumber)) return { index, message: '同一当事人(身份证号相同)重复登记' };
    seen.add(p.idNumber);
  }
  return null;
}
