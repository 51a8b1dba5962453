import { AGENCY_NAMES, inJurisdiction, type Agency, type Caller } from '@jiefen/auth';
import { DomainError } from './errors.js';
import { requireUuid } from './validation.js';

/** What the owning agency answers about a record another agency refers to. */
export interface DisputeReference {
  id: string;
  /** The dispute's region (where it arose), as the hub registered it. */
  regionCode: string;
}

/**
 * Looks up disputes in the hub's register (the hub owns them). Answers the ids that exist; throws
 * `SUBGRAPH_UNAVAILABLE` naming the hub when it cannot be asked. Implemented over signed HTTP by
 * `@jiefen/docking` (`createHubReferences`); an agency never opens the hub's database.
 */
export type DisputeLookup = (ids: readonly string[]) => Promise<Map<string, DisputeReference>>;

/** Lookups of other agencies' records, available to every resolver as `ctx.references`. */
export interface References {
  disputes: DisputeLookup;
}

/** The error of an owning agency that could not be asked: names it, so the client knows whom to wait for. */
export function referenceOwnerUnavailable(owner: Agency, field?: string): DomainError {
  return new DomainError('SUBGRAPH_UNAVAILABLE', `${AGENCY_NAMES[owner]}(${owner})服务暂时不可用,无法核验所引用的记录,未作任何登记,请稍后重试`, {
    service: owner,
    ...(field ? { field } : {}),
  });
}

/** For a subgraph started without a hub to ask (every reference is refused rather than stored blind). */
export const NO_REFERENCES: References = {
  disputes: async () => {
    throw referenceOwnerUnavailable('GOVERNANCE');
  },
};

export interface DisputeReferenceScope {
  caller: Caller;
  /**
   * The region of the record that will hold the reference: when given, it and the dispute's region
   * must lie on one branch of the region tree (one is a prefix of the other).
   */
  regionCode?: string;
  /** The record's region field, for the error (default `regionCode`). */
  regionField?: string;
}

/**
 * Verifies a dispute id a client gave before it is stored: it must be registered at the hub, lie in
 * the caller's jurisdiction and, when the record has a region, on the record's branch of the region
 * tree. Call it before any official number is taken, so a refused reference spends nothing.
 * Errors: `VALIDATION_FAILED` (not a UUID), `REFERENCE_NOT_FOUND`, `FORBIDDEN`, `VALIDATION_FAILED`
 * on the region field, `SUBGRAPH_UNAVAILABLE` (service GOVERNANCE) — each naming the field.
 */
export async function verifyDisputeReference(references: References, field: string, value: string, scope: DisputeReferenceScope): Promise<DisputeReference> {
  const id = requireUuid(field, value);
  let found: Map<string, DisputeReference>;
  try {
    found = await references.disputes([id]);
  } catch (error) {
    if (DomainError.is(error) && error.code === 'SUBGRAPH_UNAVAILABLE') throw referenceOwnerUnavailable('GOVERNANCE', field);
    throw error;
  }
  const dispute = found.get(id);
  if (!dispute) throw new DomainError('REFERENCE_NOT_FOUND', `综治中心没有编号为 ${id} 的纠纷登记,请核对纠纷编号`, { field, id });
  if (!inJurisdiction(scope.caller, dispute.regionCode)) throw new DomainError('FORBIDDEN', '所引用的纠纷不在本人辖区内', { field, id });
  const region = scope.regionCode;
  if (region !== undefined && !region.startsWith(dispute.regionCode) && !dispute.regionCode.startsWith(region)) {
    throw new DomainError('VALIDATION_FAILED', `区划代码 ${region} 与综治中心登记的纠纷发生地(${dispute.regionCode})不一致`, {
      field: scope.regionField ?? 'regionCode',
    });
  }
  return dispute;
}
