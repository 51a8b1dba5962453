import { OptimisticLockError } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { DomainError } from '@jiefen/subgraph-kit';

/** Hub staff (受理登记、引导分流、调解处置岗, or the coordination post) acting inside their jurisdiction. */
export function requireHubStaff(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'GOVERNANCE' || !hasRole(caller, 'STAFF', 'SUPERVISOR')) {
    throw DomainError.forbidden('只有综治中心工作人员可以办理');
  }
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该记录不在本人辖区内');
}

/** The coordination and supervision post (协调督办岗). */
export function requireHubSupervisor(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'GOVERNANCE' || !hasRole(caller, 'SUPERVISOR')) {
    throw DomainError.forbidden('只有综治中心协调督办岗可以办理');
  }
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该记录不在本人辖区内');
}

/** A concurrent edit lost the optimistic-lock race: `CONFLICT`, nothing written. */
export async function lockingConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw new DomainError('CONFLICT', '记录已被他人修改,请刷新后重试');
    throw error;
  }
}

export function checkVersion(actual: number, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && actual !== expected) {
    throw new DomainError('CONFLICT', '记录已被他人修改,请刷新后重试', { version: actual });
  }
}
