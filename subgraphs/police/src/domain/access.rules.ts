import { regionalRecord } from '@jiefen/auth';

/** 公安's record rules: who sees its incidents and transfers besides the police of the region. */

/** An incident: the police of the region in full, leaders masked, nobody else. */
export const POLICE_INCIDENT = regionalRecord<{ regionCode: string }>('POLICE');

/** A transfer seen through its docking (公调对接): the receiving side (justice) and the hub see it, masked. */
export const POLICE_TRANSFER_VIA_DOCKING = regionalRecord<{ regionCode: string }>('POLICE', ['JUSTICE', 'GOVERNANCE']);
