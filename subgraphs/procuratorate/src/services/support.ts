import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { DomainError } from '@jiefen/subgraph-kit';

export interface ServiceOptions {
  /** The moment the action happens (tests inject it). */
  now?: Date;
}

/** Mutations: procurators only, and only on cases in their jurisdiction. */
export function requireProcurator(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'PROCURATORATE' || !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN')) throw DomainError.forbidden('只有检察院工作人员可以办理');
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该案件不在本院辖区内');
}
