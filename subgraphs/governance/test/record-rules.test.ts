import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { Docking } from '../src/entities/docking.entity.js';
import { governanceSubgraph } from '../src/subgraph.js';

// Who sees the hub's dispute register and docking ledger, through every way in. Every agency in the
// region sees a dispute (parties masked); a docking is seen by the hub, its two sides and leaders.
const disputes = demoDisputes();
const dainan = disputes.filter((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN));
const outside = disputes.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;

recordRuleConformance({
  subgraph: governanceSubgraph,
  types: {
    Dispute: { root: 'dispute', personal: 'parties { idNumber }' },
    // The ledger's masking is per field (@PersonalText, leaders without summaries): presence is what the gate decides.
    Docking: { root: 'docking', dispute: 'dockings' },
  },
  callers: { elsewhere: callerOf('hub-coordinator', { jurisdiction: '321282' }) },
  async records(stack) {
    const em = stack.subgraphs.governance!.orm.em.fork();
    const d = (
      await em.find(Docking, { fromAgency: 'COURT', toAgency: 'JUSTICE', regionCode: { $like: `${DEMO_TOWN_DAINAN}%` } }, { orderBy: { id: 'asc' } })
    )[0]!;
    const dispute = { type: 'Dispute', id: dainan[0]!.id };
    const docking = { type: 'Docking', id: d.id, disputeId: d.disputeId! };
    return {
      dispute,
      disputeInUpperCase: inUpperCase(dispute),
      disputeOutsideTown: { type: 'Dispute', id: outside.id },
      missingDispute: { type: 'Dispute', id: demoId('dispute', 9999) },
      malformedDispute: { type: 'Dispute', id: 'not-a-uuid' },
      docking,
      dockingInUpperCase: inUpperCase(docking),
      missingDocking: { type: 'Docking', id: randomUUID(), disputeId: demoId('dispute', 9999) },
    };
  },
  cases: [
    {
      record: 'dispute',
      path: 'root',
      expect: {
        'hub-coordinator': 'FULL',
        leader: 'MASKED',
        'court-staff': 'MASKED',
        'police-officer': 'MASKED',
        mediator: 'MASKED',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'dispute',
      path: 'entities',
      expect: {
        'hub-coordinator': 'FULL',
        leader: 'MASKED',
        'court-staff': 'MASKED',
        'police-officer': 'MASKED',
        mediator: 'MASKED',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    // Nobody sees outside their jurisdiction: a 戴南镇 officer sees only 戴南镇's disputes.
    { record: 'disputeOutsideTown', path: 'root', expect: { 'police-officer': 'FORBIDDEN', 'court-staff': 'MASKED' } },
    { record: 'disputeOutsideTown', path: 'entities', expect: { 'police-officer': 'NONE', 'court-staff': 'MASKED' } },
    { record: 'disputeInUpperCase', path: 'root', expect: { 'hub-coordinator': 'FULL' } },
    { record: 'disputeInUpperCase', path: 'entities', expect: { 'hub-coordinator': 'FULL' } },
    { record: 'missingDispute', path: 'root', expect: { 'hub-coordinator': 'ABSENT' } },
    { record: 'missingDispute', path: 'entities', expect: { 'hub-coordinator': 'ABSENT' } },
    { record: 'malformedDispute', path: 'root', expect: { 'hub-coordinator': 'VALIDATION_FAILED' } },
    { record: 'malformedDispute', path: 'entities', expect: { 'hub-coordinator': 'ABSENT' } },
    // A court → justice docking: the hub, the court, the receiving committee and leaders; not the police.
    {
      record: 'docking',
      path: 'root',
      expect: {
        'hub-coordinator': 'SEEN',
        'court-staff': 'SEEN',
        mediator: 'SEEN',
        leader: 'SEEN',
        'police-officer': 'FORBIDDEN',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'docking',
      path: 'entities',
      expect: {
        'hub-coordinator': 'SEEN',
        'court-staff': 'SEEN',
        mediator: 'SEEN',
        leader: 'SEEN',
        'police-officer': 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    {
      record: 'docking',
      path: 'dispute',
      expect: {
        'hub-coordinator': 'SEEN',
        'court-staff': 'SEEN',
        mediator: 'SEEN',
        leader: 'SEEN',
        'police-officer': 'NONE',
        procurator: 'NONE',
        anonymous: 'NONE',
      },
    },
    { record: 'dockingInUpperCase', path: 'root', expect: { 'court-staff': 'SEEN' } },
    { record: 'dockingInUpperCase', path: 'entities', expect: { 'court-staff': 'SEEN' } },
    { record: 'dockingInUpperCase', path: 'dispute', expect: { 'court-staff': 'SEEN' } },
    { record: 'missingDocking', path: 'root', expect: { 'hub-coordinator': 'ABSENT' } },
    { record: 'missingDocking', path: 'entities', expect: { 'hub-coordinator': 'ABSENT' } },
  ],
  lists: [
    {
      list: 'disputes',
      expect: {
        'hub-coordinator': disputes.length,
        leader: disputes.length,
        'court-staff': disputes.length,
        'police-officer': dainan.length,
        elsewhere: 0,
        anonymous: 'UNAUTHENTICATED',
      },
    },
  ],
});
