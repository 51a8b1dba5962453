import { AGENCIES, type RecordScope } from '@jiefen/auth';
import type { DisputeType } from './dispute.type.js';

/**
 * The hub owns the dispute register: every agency working in the region sees a dispute's core
 * data (it is what they refer to), with the parties' personal data masked; the hub sees it in full.
 */
export function disputeScope(dispute: Pick<DisputeType, 'regionCode'>): RecordScope {
  return { owner: 'GOVERNANCE', regionCode: dispute.regionCode, counterparts: AGENCIES };
}
