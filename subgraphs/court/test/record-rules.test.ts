import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { DockingOutgoing } from '@jiefen/docking';
import { isMinor } from '@jiefen/subgraph-kit';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { CourtCase } from '../src/entities/court-case.entity.js';
import { JudicialConfirmation } from '../src/entities/judicial-confirmation.entity.js';
import { courtSubgraph } from '../src/subgraph.js';

// Who sees the court's records, through every way in. A minor's data is masked even for the court's
// staff, so the probed records name adults only.
const withCourt = demoDisputes().filter((d) => d.agencies.court);

recordRuleConformance({
  subgraph: courtSubgraph,
  types: {
    CourtCase: { root: 'courtCase', dispute: 'courtCases', docking: 'courtCase', personal: 'plaintiffIdNumber' },
    JudicialConfirmation: { root: 'judicialConfirmation', dispute: 'judicialConfirmations', personal: 'applicants { idNumber }' },
  },
  callers: { elsewhere: callerOf('court-staff', { jurisdiction: '321282' }) },
  async records(stack) {
    const em = stack.subgraphs.court!.orm.em.fork();
    // A case the seed sent to mediation (委派/委托): its hand-over is the court's outgoing docking.
    const handOvers = await em.find(DockingOutgoing, { fromAgency: 'COURT', recordType: 'CourtCase', regionCode: { $like: `${DEMO_TOWN_DAINAN}%` } });
    const c = (await em.find(CourtCase, { id: { $in: handOvers.map((h) => h.recordId) } }, { orderBy: { id: 'asc' } })).find(
      (x) => !isMinor({ idNumber: x.plaintiffIdNumber }),
    )!;
    const dockingId = handOvers.find((h) => h.recordId === c.id)!.dockingId;
    const j = (await em.find(JudicialConfirmation, {}, { orderBy: { id: 'asc' } })).find((x) => !x.applicants.some((a) => isMinor(a)))!;
    const courtCase = { type: 'CourtCase', id: c.id, disputeId: c.disputeId ?? undefined, dockingId };
    return {
      courtCase,
      courtCaseInUpperCase: inUpperCase(courtCase),
      missingCase: { type: 'CourtCase', id: demoId('court-case', 9999), disputeId: demoId('dispute', 9999), dockingId: randomUUID() },
      malformedCase: { type: 'CourtCase', id: 'not-a-uuid', disputeId: 'not-a-uuid', dockingId: 'not-a-uuid' },
      confirmation: { type: 'JudicialConfirmation', id: j.id, disputeId: j.disputeId ?? undefined },
    };
  },
  cases: [
    {
      record: 'courtCase',
      path: 'root',
      expect: {
        'court-staff': 'FULL',
        leader: 'MASKED',
        'police-officer': 'FORBIDDEN',
        mediator: 'FORBIDDEN',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'courtCase',
      path: 'entities',
      expect: { 'court-staff': 'FULL', leader: 'MASKED', 'police-officer': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    {
      record: 'courtCase',
      path: 'dispute',
      expect: { 'court-staff': 'FULL', leader: 'MASKED', 'police-officer': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    // Through its docking the mediation side and the hub see the case, masked.
    {
      record: 'courtCase',
      path: 'docking',
      expect: {
        'court-staff': 'FULL',
        mediator: 'MASKED',
        'hub-coordinator': 'MASKED',
        leader: 'MASKED',
        'police-officer': 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    { record: 'courtCaseInUpperCase', path: 'root', expect: { 'court-staff': 'FULL' } },
    { record: 'courtCaseInUpperCase', path: 'entities', expect: { 'court-staff': 'FULL' } },
    { record: 'courtCaseInUpperCase', path: 'dispute', expect: { 'court-staff': 'FULL' } },
    { record: 'courtCaseInUpperCase', path: 'docking', expect: { mediator: 'MASKED' } },
    { record: 'missingCase', path: 'root', expect: { 'court-staff': 'ABSENT', 'police-officer': 'ABSENT' } },
    { record: 'missingCase', path: 'entities', expect: { 'court-staff': 'ABSENT' } },
    { record: 'missingCase', path: 'dispute', expect: { 'court-staff': 'ABSENT' } },
    { record: 'missingCase', path: 'docking', expect: { 'court-staff': 'ABSENT' } },
    { record: 'malformedCase', path: 'root', expect: { 'court-staff': 'VALIDATION_FAILED' } },
    { record: 'malformedCase', path: 'entities', expect: { 'court-staff': 'ABSENT' } },
    { record: 'malformedCase', path: 'dispute', expect: { 'court-staff': 'ABSENT' } },
    { record: 'malformedCase', path: 'docking', expect: { 'court-staff': 'ABSENT' } },
    {
      record: 'confirmation',
      path: 'root',
      expect: { 'court-staff': 'FULL', leader: 'MASKED', 'police-officer': 'FORBIDDEN', elsewhere: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    {
      record: 'confirmation',
      path: 'entities',
      expect: { 'court-staff': 'FULL', leader: 'MASKED', 'police-officer': 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    {
      record: 'confirmation',
      path: 'dispute',
      expect: { 'court-staff': 'FULL', leader: 'MASKED', 'police-officer': 'NONE', mediator: 'NONE', anonymous: 'NONE' },
    },
  ],
  lists: [
    {
      list: 'courtCases',
      expect: { 'court-staff': withCourt.length, leader: withCourt.length, elsewhere: 0, 'police-officer': 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
  ],
  batches: [
    {
      type: 'CourtCase',
      path: 'dispute',
      as: 'court-staff',
      keys: demoDisputes().map((d) => d.id),
      counts: demoDisputes().map((d) => (d.agencies.court ? 1 : 0)),
    },
  ],
});
