import { regionalRecord } from '@jiefen/auth';

/** 法院's record rules: who sees its cases and confirmations besides the court of the region. */

/** A court case and a judicial confirmation: the court of the region in full, leaders masked, nobody else. */
export const COURT_RECORD = regionalRecord<{ regionCode: string }>('COURT');

/** A case seen through its docking (委派/委托调解): the mediation side (justice) and the hub see it, masked. */
export const COURT_CASE_VIA_DOCKING = regionalRecord<{ regionCode: string }>('COURT', ['JUSTICE', 'GOVERNANCE']);
