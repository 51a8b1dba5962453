import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { DockingOutgoing } from '@jiefen/docking';
import { isMinor } from '@jiefen/subgraph-kit';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { PetitionItem } from '../src/entities/petition-item.entity.js';
import { petitionSubgraph } from '../src/subgraph.js';

// Who sees the petition bureau's items, through every way in (the probed petitioner is an adult:
// a minor's data is masked even for the bureau's staff).
const withItem = demoDisputes().filter((d) => d.agencies.petition);

recordRuleConformance({
  subgraph: petitionSubgraph,
  types: { PetitionItem: { root: 'petitionItem', dispute: 'petitions', docking: 'petitionItem', personal: 'petitionerIdNumber' } },
  callers: { elsewhere: callerOf('petition-officer', { jurisdiction: '321282' }) },
  async records(stack) {
    const em = stack.subgraphs.petition!.orm.em.fork();
    // 访调对接: an item referred to 戴南镇's committee, so the mediator is the other side of its docking.
    const handOvers = await em.find(DockingOutgoing, { fromAgency: 'PETITION', recordType: 'PetitionItem', regionCode: { $like: `${DEMO_TOWN_DAINAN}%` } });
    const p = (await em.find(PetitionItem, { id: { $in: handOvers.map((h) => h.recordId) } }, { orderBy: { id: 'asc' } })).find(
      (x) => !isMinor({ idNumber: x.petitionerIdNumber }),
    )!;
    const item = { type: 'PetitionItem', id: p.id, disputeId: p.disputeId ?? undefined, dockingId: handOvers.find((h) => h.recordId === p.id)!.dockingId };
    return {
      item,
      itemInUpperCase: inUpperCase(item),
      missingItem: { type: 'PetitionItem', id: demoId('petition-item', 9999), disputeId: demoId('dispute', 9999), dockingId: randomUUID() },
      malformedItem: { type: 'PetitionItem', id: 'not-a-uuid', disputeId: 'not-a-uuid', dockingId: 'not-a-uuid' },
    };
  },
  cases: [
    {
      record: 'item',
      path: 'root',
      expect: {
        'petition-officer': 'FULL',
        leader: 'MASKED',
        'court-staff': 'FORBIDDEN',
        mediator: 'FORBIDDEN',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'item',
      path: 'entities',
      expect: { 'petition-officer': 'FULL', leader: 'MASKED', 'court-staff': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    {
      record: 'item',
      path: 'dispute',
      expect: { 'petition-officer': 'FULL', leader: 'MASKED', 'court-staff': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    // In full to the bureau, masked to justice and the hub, to nobody else.
    {
      record: 'item',
      path: 'docking',
      expect: {
        'petition-officer': 'FULL',
        mediator: 'MASKED',
        'hub-coordinator': 'MASKED',
        'police-officer': 'NONE',
        procurator: 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    { record: 'itemInUpperCase', path: 'root', expect: { 'petition-officer': 'FULL' } },
    { record: 'itemInUpperCase', path: 'entities', expect: { 'petition-officer': 'FULL' } },
    { record: 'itemInUpperCase', path: 'dispute', expect: { 'petition-officer': 'FULL' } },
    { record: 'itemInUpperCase', path: 'docking', expect: { mediator: 'MASKED' } },
    { record: 'missingItem', path: 'root', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'missingItem', path: 'entities', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'missingItem', path: 'dispute', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'missingItem', path: 'docking', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'malformedItem', path: 'root', expect: { 'petition-officer': 'VALIDATION_FAILED' } },
    { record: 'malformedItem', path: 'entities', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'malformedItem', path: 'dispute', expect: { 'petition-officer': 'ABSENT' } },
    { record: 'malformedItem', path: 'docking', expect: { 'petition-officer': 'ABSENT' } },
  ],
  lists: [
    {
      list: 'petitionItems',
      expect: { 'petition-officer': withItem.length, leader: withItem.length, elsewhere: 0, 'court-staff': 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
  ],
  batches: [
    {
      type: 'PetitionItem',
      path: 'dispute',
      as: 'petition-officer',
      keys: demoDisputes().map((d) => d.id),
      counts: demoDisputes().map((d) => (d.agencies.petition ? 1 : 0)),
    },
  ],
});
