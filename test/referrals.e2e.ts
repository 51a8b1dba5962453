// 检调 and 访调 end to end through the gateway: a procurator refers an eligible criminal case, and a
// petition officer an accepted petition, to 戴南镇人民调解委员会; the committee's mediator finds each in
// the inbox, accepts, mediates and signs an agreement; the outcome flows back by docking events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAINAN = '321281123';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

/** Waits for a condition (events travel asynchronously), failing after a timeout; never a fixed sleep. */
describe("检调 and 访调 through the gateway: referral → people's mediation → outcome back", () => {
  let stack: Stack;
  const ok = async (query: string, variables: Record<string, unknown>, as: string) => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body as Gql).errors, JSON.stringify((body as Gql).errors)).toBeUndefined();
    return (body as Gql).data!;
  };

  /** The mediator takes the docked case from the inbox, accepts it and signs an agreement; returns the case number. */
  const mediate = async (dockingId: string, source: string, mode: string) => {
    const inboxed = await until("the referral in the mediator's inbox", async () => {
      const data = await ok('{ mediationInbox(first: 50) { edges { node { id dockingId status source mode parties { id name } } } } }', {}, 'mediator');
      return (data.mediationInbox.edges as { node: Record<string, any> }[]).map((e) => e.node).find((n) => n.dockingId === dockingId); // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
    });
    expect(inboxed).toMatchObject({ status: 'PENDING', source, mode });
    const caseId = inboxed.id as string;
    const accepted = await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status caseNumber } }', { c: caseId }, 'mediator');
    expect(accepted.acceptMediationCase.status).toBe('ACCEPTED');
    await ok(
      'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }',
      {
        input: {
          caseId,
          heldAt: new Date().toISOString(),
          place: '戴南镇人民调解委员会调解室',
          participants: (inboxed.parties as { name: string }[]).map((p) => p.name).concat('顾秀英'),
          focus: '赔偿数额及履行方式',
          opinions: '双方同意按协议履行',
        },
      },
      'mediator',
    );
    const recorded = await ok(
      'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number } }',
      {
        input: {
          caseId,
          form: 'WRITTEN',
          facts: '双方因纠纷引发冲突,经调解委员会调解。',
          mattersInDispute: '赔偿数额及履行方式',
          responsibilities: '责任方承担赔偿责任',
          terms: ['责任方于十日内支付赔偿款2000元', '双方就此事不再追究'],
          performanceMethod: '银行转账',
          performanceDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
          amount: 2000,
        },
      },
      'mediator',
    );
    const agreement = recorded.recordMediationAgreement as { id: string; number: string };
    const signed = await ok(
      'mutation($input: SignMediationAgreementInput!) { signMediationAgreement(input: $input) { effectiveDate } }',
      {
        input: {
          agreementId: agreement.id,
          signatures: (inboxed.parties as { id: string }[]).map((p) => ({ partyId: p.id, method: 'SIGNATURE' })),
          mediatorSigned: true,
          sealed: true,
        },
      },
      'mediator',
    );
    expect(signed.signMediationAgreement.effectiveDate).toBeTruthy();
    return { caseNumber: accepted.acceptMediationCase.caseNumber as string, agreementNumber: agreement.number };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'procuratorate', 'petition'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('检调: an eligible criminal case comes back reconciled, and the procurator decides', async () => {
    // A demo criminal case in 戴南镇, put back to its intake (the seed's may already be referred).
    const db = stack.subgraphs.procuratorate!.orm.em.getConnection();
    const [row] = await db.execute<{ id: string }[]>(
      `select id from procuratorate_case where kind = 'CRIMINAL_RECONCILIATION' and region_code like ? and victim_name is not null order by id limit 1`,
      [`${DAINAN}%`],
    );
    await db.execute(
      `update procuratorate_case set status = 'RECEIVED', outcome = null, outcome_at = null, decision = null, concluded_at = null where id = ?`,
      [row!.id],
    );
    const referred = await ok(
      `mutation($id: ID!, $code: String!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: $code }, facts: $facts) { status dockingId } }`,
      {
        id: row!.id,
        code: COMMITTEE,
        facts: {
          charge: '故意伤害罪(轻伤)',
          arisesFromCivilDispute: true,
          likelySentenceMonths: 12,
          intentionalCrimeWithinFiveYears: false,
          suspectRepents: true,
          victimAccepts: true,
        },
      },
      'procurator',
    );
    expect(referred.referForReconciliation.status).toBe('REFERRED_TO_MEDIATION');
    const { caseNumber, agreementNumber } = await mediate(referred.referForReconciliation.dockingId, 'PROCURATORATE', 'IN_LITIGATION_COMMISSION');

    const CASE = 'query($id: ID!) { procuratorateCase(id: $id) { status outcome agreementSummary mediationCaseNumber } }';
    const seen = await until('the reconciliation on the case', async () => {
      const data = await ok(CASE, { id: row!.id }, 'procurator');
      return data.procuratorateCase.status === 'RECONCILED' ? data.procuratorateCase : null;
    });
    expect(seen).toMatchObject({ outcome: 'RECONCILED', mediationCaseNumber: caseNumber });
    expect(seen.agreementSummary).toContain(agreementNumber);
    const decided = await ok(
      'mutation($id: ID!) { concludeProcuratorateCase(id: $id, decision: LENIENCY_RECOMMENDATION, note: "达成和解协议并已履行") { status decision } }',
      { id: row!.id },
      'procurator',
    );
    expect(decided.concludeProcuratorateCase).toEqual({ status: 'CONCLUDED', decision: 'LENIENCY_RECOMMENDATION' });
  });

  it('访调: an accepted petition comes back closed by mediation and is rated', async () => {
    const petitioner = demoPeople(360)[355]!;
    const [dispute] = await stack.subgraphs
      .governance!.orm.em.getConnection()
      .execute<{ id: string; region_code: string }[]>(`select id, region_code from dispute where region_code like ? order by id limit 1`, [`${DAINAN}%`]);
    const registered = await ok(
      'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }',
      {
        input: {
          disputeId: dispute!.id,
          form: 'VISIT',
          subject: '反映戴南镇某企业拖欠工资,要求督促支付',
          regionCode: dispute!.region_code,
          petitionerName: petitioner.name,
          petitionerIdNumber: petitioner.idNumber,
          petitionerPhone: petitioner.phone,
        },
      },
      'petition-officer',
    );
    const id = registered.registerPetition.id as string;
    await ok('mutation($id: ID!) { acceptPetition(id: $id, handlingUnit: "兴化市人力资源和社会保障局") { status } }', { id }, 'petition-officer');
    const referred = await ok(
      'mutation($id: ID!, $code: String!) { referPetitionToMediation(id: $id, receiver: { creditCode: $code }) { status dockingId } }',
      { id, code: COMMITTEE },
      'petition-officer',
    );
    expect(referred.referPetitionToMediation.status).toBe('REFERRED_TO_MEDIATION');
    const { caseNumber, agreementNumber } = await mediate(referred.referPetitionToMediation.dockingId, 'PETITION', 'TRANSFER');

    const ITEM = 'query($id: ID!) { petitionItem(id: $id) { status mediationOutcome answer mediationCaseNumber } }';
    const seen = await until('the outcome on the petition', async () => {
      const data = await ok(ITEM, { id }, 'petition-officer');
      return data.petitionItem.status === 'CONCLUDED' ? data.petitionItem : null;
    });
    expect(seen).toMatchObject({ mediationOutcome: 'SUCCEEDED', mediationCaseNumber: caseNumber });
    expect(seen.answer).toContain(agreementNumber);
    const rated = await ok('mutation($id: ID!) { ratePetition(id: $id, satisfaction: SATISFIED) { status satisfaction } }', { id }, 'petition-officer');
    expect(rated.ratePetition).toEqual({ status: 'CONCLUDED', satisfaction: 'SATISFIED' });
  });
});
