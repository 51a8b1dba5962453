import { regionalRecord } from '@jiefen/auth';

/** 信访局's record rules: who sees its petition items besides the bureau of the region. */

/** A petition item: the bureau of the region in full, leaders masked, nobody else. */
export const PETITION_ITEM = regionalRecord<{ regionCode: string }>('PETITION');

/** An item seen through its docking (访调对接): the receiving side (justice) and the hub see it, masked. */
export const PETITION_ITEM_VIA_DOCKING = regionalRecord<{ regionCode: string }>('PETITION', ['JUSTICE', 'GOVERNANCE']);
