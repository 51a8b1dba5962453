import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { DockingOutgoing } from '@jiefen/docking';
import { isMinor } from '@jiefen/subgraph-kit';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { ProcuratorateCase } from '../src/entities/procuratorate-case.entity.js';
import { procuratorateSubgraph } from '../src/subgraph.js';

// Who sees the procuratorate's cases, through every way in (the probed suspect is an adult: a
// minor's data is masked even for the procurator).
const withCase = demoDisputes().filter((d) => d.agencies.procuratorate);

recordRuleConformance({
  subgraph: procuratorateSubgraph,
  types: {
    ProcuratorateCase: { root: 'procuratorateCase', dispute: 'procuratorateCases', docking: 'procuratorateCase', personal: 'suspectIdNumber victimName' },
  },
  callers: { elsewhere: callerOf('procurator', { jurisdiction: '321282' }) },
  async records(stack) {
    const em = stack.subgraphs.procuratorate!.orm.em.fork();
    // 检调对接: a criminal case referred to 戴南镇's committee, so the mediator is the other side of its docking.
    const handOvers = await em.find(DockingOutgoing, {
      fromAgency: 'PROCURATORATE',
      recordType: 'ProcuratorateCase',
      regionCode: { $like: `${DEMO_TOWN_DAINAN}%` },
    });
    const c = (
      await em.find(ProcuratorateCase, { id: { $in: handOvers.map((h) => h.recordId) }, suspectIdNumber: { $ne: null } }, { orderBy: { id: 'asc' } })
    ).find((x) => !isMinor({ idNumber: x.suspectIdNumber }))!;
    const referred = { type: 'ProcuratorateCase', id: c.id, disputeId: c.disputeId!, dockingId: handOvers.find((h) => h.recordId === c.id)!.dockingId };
    return {
      referred,
      referredInUpperCase: inUpperCase(referred),
      missingCase: { type: 'ProcuratorateCase', id: demoId('procuratorate-case', 9999), disputeId: demoId('dispute', 9999), dockingId: randomUUID() },
      malformedCase: { type: 'ProcuratorateCase', id: 'not-a-uuid', disputeId: 'not-a-uuid', dockingId: 'not-a-uuid' },
    };
  },
  cases: [
    {
      record: 'referred',
      path: 'root',
      expect: { procurator: 'FULL', leader: 'MASKED', 'court-staff': 'FORBIDDEN', mediator: 'FORBIDDEN', elsewhere: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    {
      record: 'referred',
      path: 'entities',
      expect: { procurator: 'FULL', leader: 'MASKED', 'court-staff': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    {
      record: 'referred',
      path: 'dispute',
      expect: { procurator: 'FULL', leader: 'MASKED', 'court-staff': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    // In full to the procuratorate, masked to justice and the hub, to nobody else.
    {
      record: 'referred',
      path: 'docking',
      expect: {
        procurator: 'FULL',
        mediator: 'MASKED',
        'hub-coordinator': 'MASKED',
        'police-officer': 'NONE',
        'petition-officer': 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    { record: 'referredInUpperCase', path: 'root', expect: { procurator: 'FULL' } },
    { record: 'referredInUpperCase', path: 'entities', expect: { procurator: 'FULL' } },
    { record: 'referredInUpperCase', path: 'dispute', expect: { procurator: 'FULL' } },
    { record: 'referredInUpperCase', path: 'docking', expect: { mediator: 'MASKED' } },
    { record: 'missingCase', path: 'root', expect: { procurator: 'ABSENT' } },
    { record: 'missingCase', path: 'entities', expect: { procurator: 'ABSENT' } },
    { record: 'missingCase', path: 'dispute', expect: { procurator: 'ABSENT' } },
    { record: 'missingCase', path: 'docking', expect: { procurator: 'ABSENT' } },
    { record: 'malformedCase', path: 'root', expect: { procurator: 'VALIDATION_FAILED' } },
    { record: 'malformedCase', path: 'entities', expect: { procurator: 'ABSENT' } },
    { record: 'malformedCase', path: 'dispute', expect: { procurator: 'ABSENT' } },
    { record: 'malformedCase', path: 'docking', expect: { procurator: 'ABSENT' } },
  ],
  lists: [
    {
      list: 'procuratorateCases',
      expect: { procurator: withCase.length, leader: withCase.length, elsewhere: 0, 'court-staff': 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
  ],
  batches: [
    {
      type: 'ProcuratorateCase',
      path: 'dispute',
      as: 'procurator',
      keys: demoDisputes().map((d) => d.id),
      counts: demoDisputes().map((d) => (d.agencies.procuratorate ? 1 : 0)),
    },
  ],
});
