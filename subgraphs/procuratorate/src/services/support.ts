import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import type { AgencySettings } from '@jiefen/calendar';
import { DomainError } from '@jiefen/subgraph-kit';
import { ProcuratorateRuleError } from '../domain/workflow.js';

/** What the procuratorate's services run on: its "now" (no legal clocks of its own yet). */
export type ProcuratorateSettings = AgencySettings;

/** Runs a domain decision, turning its rule errors into the kit's coded errors. */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof ProcuratorateRuleError) throw new DomainError(error.code, error.message, error.details);
    throw error;
  }
}

/** Mutations: procurators only, and only on cases in their jurisdiction. */
export function requireProcurator(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'PROCURATORATE' || !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN')) throw DomainError.forbidden('只有检察院工作人员可以办理');
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该案件不在本院辖区内');
}
