import { AGENCIES, regionalRecord, type Agency, type RecordRule, type RecordScope } from '@jiefen/auth';

/** 综治中心's record rules: who sees the dispute register and the docking ledger besides the hub. */

/**
 * A dispute: the hub owns the register; every agency working in the region sees a dispute's core
 * data (it is what they refer to), with the parties' personal data masked; the hub sees it in full.
 */
export const DISPUTE = regionalRecord<{ regionCode: string }>('GOVERNANCE', AGENCIES);

/** A docking: the hub keeps the ledger; the two sides of the docking see it; leaders see it masked. */
export const DOCKING: RecordRule<{ regionCode: string; fromAgency: string; toAgency: string }> = {
  scope: (d) => ({ owner: 'GOVERNANCE', regionCode: d.regionCode, counterparts: [d.fromAgency as Agency, d.toAgency as Agency] }),
};

export const disputeScope = (dispute: { regionCode: string }): RecordScope => DISPUTE.scope(dispute);
export const dockingScope = (docking: { regionCode: string; fromAgency: string; toAgency: string }): RecordScope => DOCKING.scope(docking);
