import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { DockingOutgoing } from '@jiefen/docking';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// Who sees the police's incidents and transfers, through every way in. The 'police-officer' persona
// works at 戴南派出所 (321281123); 'county' is the same officer with the county (兴化市公安局).
const all = demoDisputes().filter((d) => d.agencies.police);
const dainan = all.filter((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN));
const outside = all.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
const incidentOf = (d: (typeof all)[number]) => ({ type: 'PoliceIncident', id: demoId('police-incident', d.n), disputeId: d.id });

recordRuleConformance({
  subgraph: policeSubgraph,
  types: {
    PoliceIncident: { root: 'policeIncident', dispute: 'policeIncidents', personal: 'reporterPhone' },
    // A transfer carries no structured personal data (its free text is masked by @PersonalText).
    PoliceTransfer: { docking: 'policeTransfer' },
  },
  callers: { county: callerOf('police-officer', { jurisdiction: DEMO_COUNTY }), elsewhere: callerOf('police-officer', { jurisdiction: '321282' }) },
  async records(stack) {
    const em = stack.subgraphs.police!.orm.em.fork();
    // A transfer is the incident's outgoing docking.
    const t = (await em.find(DockingOutgoing, { fromAgency: 'POLICE', regionCode: { $like: `${DEMO_TOWN_DAINAN}%` } }, { orderBy: { id: 'asc' } }))[0]!;
    const transfer = { type: 'PoliceTransfer', id: t.id, dockingId: t.dockingId };
    const incident = incidentOf(dainan[0]!);
    return {
      incident,
      incidentInUpperCase: inUpperCase(incident),
      incidentOutsideTown: incidentOf(outside),
      transfer,
      transferInUpperCase: inUpperCase(transfer),
      missingIncident: { type: 'PoliceIncident', id: demoId('police-incident', 9999), disputeId: demoId('dispute', 9999) },
      malformedIncident: { type: 'PoliceIncident', id: 'not-a-uuid', disputeId: 'not-a-uuid' },
      missingTransfer: { type: 'PoliceTransfer', id: randomUUID(), dockingId: randomUUID() },
    };
  },
  cases: [
    {
      record: 'incident',
      path: 'root',
      expect: { 'police-officer': 'FULL', county: 'FULL', leader: 'MASKED', 'court-staff': 'FORBIDDEN', elsewhere: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    {
      record: 'incident',
      path: 'entities',
      expect: { 'police-officer': 'FULL', county: 'FULL', leader: 'MASKED', 'court-staff': 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    {
      record: 'incident',
      path: 'dispute',
      expect: { 'police-officer': 'FULL', leader: 'MASKED', 'court-staff': 'NONE', mediator: 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
    // A 戴南镇 officer sees only the incidents of 戴南镇; the county sees them all.
    { record: 'incidentOutsideTown', path: 'root', expect: { 'police-officer': 'FORBIDDEN', county: 'FULL' } },
    { record: 'incidentOutsideTown', path: 'entities', expect: { 'police-officer': 'NONE', county: 'FULL', 'court-staff': 'NONE', anonymous: 'NONE' } },
    { record: 'incidentOutsideTown', path: 'dispute', expect: { 'police-officer': 'NONE', county: 'FULL' } },
    { record: 'incidentInUpperCase', path: 'root', expect: { 'police-officer': 'FULL' } },
    { record: 'incidentInUpperCase', path: 'entities', expect: { 'police-officer': 'FULL' } },
    { record: 'incidentInUpperCase', path: 'dispute', expect: { 'police-officer': 'FULL' } },
    { record: 'missingIncident', path: 'root', expect: { county: 'ABSENT' } },
    { record: 'missingIncident', path: 'entities', expect: { county: 'ABSENT' } },
    { record: 'missingIncident', path: 'dispute', expect: { county: 'ABSENT' } },
    { record: 'malformedIncident', path: 'root', expect: { 'police-officer': 'VALIDATION_FAILED' } },
    { record: 'malformedIncident', path: 'entities', expect: { county: 'ABSENT' } },
    { record: 'malformedIncident', path: 'dispute', expect: { county: 'ABSENT' } },
    // 公调对接: both sides of the docking and the hub see the transfer; nobody else.
    {
      record: 'transfer',
      path: 'docking',
      expect: {
        'police-officer': 'SEEN',
        mediator: 'SEEN',
        'hub-coordinator': 'SEEN',
        leader: 'SEEN',
        'court-staff': 'NONE',
        'petition-officer': 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    { record: 'transferInUpperCase', path: 'docking', expect: { mediator: 'SEEN' } },
    { record: 'missingTransfer', path: 'docking', expect: { 'police-officer': 'ABSENT' } },
  ],
  lists: [
    {
      list: 'policeIncidents',
      expect: {
        county: all.length,
        'police-officer': dainan.length,
        leader: all.length,
        elsewhere: 0,
        'court-staff': 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
  ],
  batches: [
    {
      type: 'PoliceIncident',
      path: 'dispute',
      as: 'county',
      keys: demoDisputes().map((d) => d.id),
      counts: demoDisputes().map((d) => (d.agencies.police ? 1 : 0)),
    },
    {
      type: 'PoliceIncident',
      path: 'dispute',
      as: 'police-officer',
      keys: all.map((d) => d.id),
      counts: all.map((d) => (d.regionCode.startsWith(DEMO_TOWN_DAINAN) ? 1 : 0)),
    },
  ],
});
