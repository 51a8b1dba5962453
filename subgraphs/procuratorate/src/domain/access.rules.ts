import { regionalRecord } from '@jiefen/auth';

/** 检察院's record rules: who sees its cases besides the procuratorate of the region. */

/** A procuratorate case: the procuratorate of the region in full, leaders masked, nobody else. */
export const PROCURATORATE_CASE = regionalRecord<{ regionCode: string }>('PROCURATORATE');

/** A case seen through its docking (检调对接): the receiving side (justice) and the hub see it, masked. */
export const PROCURATORATE_CASE_VIA_DOCKING = regionalRecord<{ regionCode: string }>('PROCURATORATE', ['JUSTICE', 'GOVERNANCE']);
