import { AGENCIES, hasRole, recordVisibility, regionalRecord, type Agency, type Caller, type RecordRule, type Visibility } from '@jiefen/auth';

/** 司法局's record rules: who sees its mediation and legal aid cases besides the bureau of the region. */

/** A mediator bound to their organization (not bureau staff): sees and acts on its cases only. */
export function isOrganizationBound(caller: Caller): boolean {
  return caller.agency === 'JUSTICE' && hasRole(caller, 'MEDIATOR') && !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN');
}

type MediationCaseScope = { regionCode: string; organizationCode: string; dockingFrom?: string | null };

/**
 * A mediation case: the justice bureau of the region (leaders masked), narrowed for a mediator to
 * the cases of their own organization; the agency that sent a docked case is the other side of
 * that docking and sees it, masked.
 */
export const MEDIATION_CASE: RecordRule<MediationCaseScope> = {
  scope: (c) => ({
    owner: 'JUSTICE',
    regionCode: c.regionCode,
    counterparts: c.dockingFrom && (AGENCIES as readonly string[]).includes(c.dockingFrom) ? [c.dockingFrom as Agency] : [],
  }),
  excludes: (caller, c) => isOrganizationBound(caller) && caller.organization !== c.organizationCode,
};

/** A legal aid case: the justice bureau of the region (leaders masked); a mediator bound to a committee sees none. */
export const LEGAL_AID_CASE: RecordRule<{ regionCode: string }> = { ...regionalRecord('JUSTICE'), excludes: isOrganizationBound };

export function caseVisibility(caller: Caller | null, c: MediationCaseScope): Visibility {
  return recordVisibility(caller, MEDIATION_CASE, c);
}

export function legalAidVisibility(caller: Caller | null, c: { regionCode: string }): Visibility {
  return recordVisibility(caller, LEGAL_AID_CASE, c);
}
