import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { isMinor } from '@jiefen/subgraph-kit';
import { callerOf, inUpperCase, recordRuleConformance } from '@jiefen/testing';
import { LegalAidCase } from '../src/entities/legal-aid-case.entity.js';
import { MediationCase } from '../src/entities/mediation-case.entity.js';
import { MediationParty } from '../src/entities/mediation-party.entity.js';
import { justiceSubgraph } from '../src/subgraph.js';

// Who sees the justice bureau's cases, through every way in. 'legal-aid' is the bureau county-wide
// (321281); 'mediator' works for 戴南镇's committee (321281123) and sees only its cases. The probed
// parties are adults: a minor's data is masked even for the bureau's staff.
const mediated = demoDisputes().filter((d) => d.agencies.justice);
const dainan = mediated.filter((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN));
const outside = mediated.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;

recordRuleConformance({
  subgraph: justiceSubgraph,
  types: {
    MediationCase: { root: 'mediationCase', dispute: 'mediations', docking: 'mediation', personal: 'parties { idNumber }' },
    LegalAidCase: { root: 'legalAidCase', dispute: 'legalAidCases', personal: 'applicantIdNumber' },
  },
  callers: {
    elsewhere: callerOf('legal-aid', { jurisdiction: '321282' }),
    otherCommitteeMediator: callerOf('mediator', { organization: '54321281MJ00000000' }),
  },
  async records(stack) {
    const em = stack.subgraphs.justice!.orm.em.fork();
    const adultsOnly = async (c: MediationCase) => !(await em.find(MediationParty, { caseId: c.id })).some((p) => isMinor(p));
    const candidates = await em.find(
      MediationCase,
      { source: 'COURT', dockingId: { $ne: null }, regionCode: { $like: `${DEMO_TOWN_DAINAN}%` } },
      { orderBy: { id: 'asc' } },
    );
    let docked: MediationCase | undefined;
    for (const c of candidates) if (!docked && (await adultsOnly(c))) docked = c;
    // A case the court sent by docking: the court is the other side of it (the seed records no sender).
    await em.nativeUpdate(MediationCase, { id: docked!.id }, { dockingFrom: 'COURT' });
    const legalAid = (await em.find(LegalAidCase, { disputeId: { $ne: null } }, { orderBy: { id: 'asc' } })).find(
      (c) => !isMinor({ idNumber: c.applicantIdNumber }),
    )!;
    const mediation = { type: 'MediationCase', id: docked!.id, disputeId: docked!.disputeId!, dockingId: docked!.dockingId! };
    return {
      mediation,
      mediationInUpperCase: inUpperCase(mediation),
      mediationOutsideTown: { type: 'MediationCase', id: demoId('mediation-case', outside.n), disputeId: outside.id },
      missingMediation: { type: 'MediationCase', id: demoId('mediation-case', 9999), disputeId: demoId('dispute', 9999), dockingId: randomUUID() },
      malformedMediation: { type: 'MediationCase', id: 'not-a-uuid', disputeId: 'not-a-uuid', dockingId: 'not-a-uuid' },
      legalAid: { type: 'LegalAidCase', id: legalAid.id, disputeId: legalAid.disputeId! },
    };
  },
  cases: [
    {
      record: 'mediation',
      path: 'root',
      expect: {
        'legal-aid': 'FULL',
        mediator: 'FULL',
        leader: 'MASKED',
        'court-staff': 'MASKED',
        'police-officer': 'FORBIDDEN',
        otherCommitteeMediator: 'FORBIDDEN',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'mediation',
      path: 'entities',
      expect: {
        'legal-aid': 'FULL',
        mediator: 'FULL',
        leader: 'MASKED',
        'court-staff': 'MASKED',
        'police-officer': 'NONE',
        otherCommitteeMediator: 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    {
      record: 'mediation',
      path: 'dispute',
      expect: {
        'legal-aid': 'FULL',
        mediator: 'FULL',
        leader: 'MASKED',
        'court-staff': 'MASKED',
        'police-officer': 'NONE',
        otherCommitteeMediator: 'NONE',
        elsewhere: 'NONE',
        anonymous: 'NONE',
      },
    },
    // The case a docking landed in: the sender sees it masked; the hub keeps its own ledger and sees none.
    {
      record: 'mediation',
      path: 'docking',
      expect: {
        'legal-aid': 'FULL',
        mediator: 'FULL',
        'court-staff': 'MASKED',
        leader: 'MASKED',
        'hub-coordinator': 'NONE',
        'police-officer': 'NONE',
        otherCommitteeMediator: 'NONE',
        anonymous: 'NONE',
      },
    },
    // A 戴南镇 mediator sees only the cases of 戴南镇.
    { record: 'mediationOutsideTown', path: 'root', expect: { mediator: 'FORBIDDEN' } },
    { record: 'mediationOutsideTown', path: 'entities', expect: { mediator: 'NONE', 'legal-aid': 'SEEN', 'police-officer': 'NONE', anonymous: 'NONE' } },
    { record: 'mediationOutsideTown', path: 'dispute', expect: { mediator: 'NONE', 'legal-aid': 'SEEN' } },
    { record: 'mediationInUpperCase', path: 'root', expect: { 'legal-aid': 'FULL' } },
    { record: 'mediationInUpperCase', path: 'entities', expect: { 'legal-aid': 'FULL' } },
    { record: 'mediationInUpperCase', path: 'dispute', expect: { 'legal-aid': 'FULL' } },
    { record: 'mediationInUpperCase', path: 'docking', expect: { 'legal-aid': 'FULL' } },
    { record: 'missingMediation', path: 'root', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'missingMediation', path: 'entities', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'missingMediation', path: 'dispute', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'missingMediation', path: 'docking', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'malformedMediation', path: 'root', expect: { 'legal-aid': 'VALIDATION_FAILED' } },
    { record: 'malformedMediation', path: 'entities', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'malformedMediation', path: 'dispute', expect: { 'legal-aid': 'ABSENT' } },
    { record: 'malformedMediation', path: 'docking', expect: { 'legal-aid': 'ABSENT' } },
    // Legal aid stays with the bureau: a mediator bound to a committee sees none of it.
    {
      record: 'legalAid',
      path: 'root',
      expect: {
        'legal-aid': 'FULL',
        leader: 'MASKED',
        mediator: 'FORBIDDEN',
        'police-officer': 'FORBIDDEN',
        elsewhere: 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
    {
      record: 'legalAid',
      path: 'dispute',
      expect: { 'legal-aid': 'FULL', leader: 'MASKED', mediator: 'NONE', 'police-officer': 'NONE', elsewhere: 'NONE', anonymous: 'NONE' },
    },
  ],
  lists: [
    {
      list: 'mediationCases',
      expect: {
        'legal-aid': mediated.length,
        mediator: dainan.length,
        leader: mediated.length,
        elsewhere: 0,
        'police-officer': 'FORBIDDEN',
        anonymous: 'UNAUTHENTICATED',
      },
    },
  ],
  batches: [
    {
      type: 'MediationCase',
      path: 'dispute',
      as: 'legal-aid',
      keys: demoDisputes().map((d) => d.id),
      counts: demoDisputes().map((d) => (d.agencies.justice ? 1 : 0)),
    },
    {
      type: 'MediationCase',
      path: 'dispute',
      as: 'mediator',
      keys: mediated.map((d) => d.id),
      counts: mediated.map((d) => (d.regionCode.startsWith(DEMO_TOWN_DAINAN) ? 1 : 0)),
    },
  ],
});
