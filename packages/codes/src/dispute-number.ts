/**
 * 统一编号 of a dispute at the hub: `<town code>-<year>-<6-digit sequence>`, e.g.
 * `321281123-2026-000017`. One counter per town and year (a county-level region numbers in its own
 * 6-digit scope padded to the town's 9 digits would collide, so the scope is the first 9 digits).
 */
export function disputeNumberScope(regionCode: string): string {
  return regionCode.slice(0, 9);
}

export function formatDisputeNumber(regionCode: string, year: number, sequence: number): string {
  return `${disputeNumberScope(regionCode)}-${year}-${String(sequence).padStart(6, '0')}`;
}
