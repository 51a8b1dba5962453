import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { procuratorateSubgraph } from '../src/subgraph.js';

// 审查起诉 intake, and 刑事和解 judged on the facts it recorded.

const FIELDS =
  'id caseNumber kind status charge chapter negligent statutoryMaximumMonths intentionalCrimeWithinFiveYears arisesFromCivilDispute disputeId regionCode suspectName suspectIdNumber suspectBirthDate victimName victimPhone';
const REGISTER = `mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { ${FIELDS} } }`;
const REFER = `mutation($id: ID!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: "戴南镇人民调解委员会" }, facts: $facts) { status charge } }`;
type Gql<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
type Case = Record<string, unknown> & { id: string };

let n = 0;
const input = (over: Record<string, unknown> = {}) => ({
  caseNumber: `兴检刑诉受〔2026〕${(n += 1)}号`,
  regionCode: '321281123',
  charge: '故意伤害罪',
  statutoryMaximumMonths: 36,
  intentionalCrimeWithinFiveYears: false,
  arisesFromCivilDispute: true,
  suspect: { name: '赵大勇', idNumber: '321281199005200032' },
  victim: { name: '钱小梅', phone: '13812345678' },
  ...over,
});

describe('procuratorate intake: 审查起诉 cases and 刑事和解 on recorded facts', () => {
  let stack: Stack;
  const rows = async () =>
    Number((await stack.subgraphs.procuratorate!.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from procuratorate_case'))[0]!.n);
  const call = async <T>(query: string, variables: Record<string, unknown>, as: Parameters<Stack['querySubgraph']>[3] = 'procurator') =>
    (await stack.querySubgraph<T>('procuratorate', query, variables, as)).body as Gql<T>;
  const register = async (over: Record<string, unknown> = {}) => {
    const { data, errors } = await call<{ registerProsecutionCase: Case }>(REGISTER, { input: input(over) });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data!.registerProsecutionCase;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: false });
  });
  afterAll(() => stack?.stop());

  it('registers a case with its facts (chapter and negligence from the catalogue), no hub dispute yet', async () => {
    expect(await register()).toMatchObject({
      kind: 'CRIMINAL_RECONCILIATION',
      status: 'RECEIVED',
      charge: '故意伤害罪',
      chapter: 4,
      negligent: false,
      statutoryMaximumMonths: 36,
      disputeId: null,
      suspectIdNumber: '321281199005200032',
      suspectBirthDate: '1990-05-20',
    });
  });

  it('refers an eligible case on its recorded facts: only remorse and acceptance are stated', async () => {
    const c = await register();
    const { data, errors } = await call<{ referForReconciliation: Case }>(REFER, { id: c.id, facts: { suspectRepents: true, victimAccepts: true } });
    expect(errors).toBeUndefined();
    expect(data!.referForReconciliation).toEqual({ status: 'REFERRED_TO_MEDIATION', charge: '故意伤害罪' });
  });

  it('refuses an ineligible case with every reason read from the record, and a stated fact that contradicts it', async () => {
    const c = await register({ statutoryMaximumMonths: 120, intentionalCrimeWithinFiveYears: true });
    const refused = await call(REFER, { id: c.id, facts: { suspectRepents: true, victimAccepts: false } });
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'NOT_ELIGIBLE',
      reasons: ['SENTENCE_OVER_THREE_YEARS', 'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS', 'VICTIM_NOT_WILLING'],
    });
    const contradicted = await call(REFER, {
      id: c.id,
      facts: { likelySentenceMonths: 24, intentionalCrimeWithinFiveYears: false, suspectRepents: true, victimAccepts: true },
    });
    expect(contradicted.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['facts.likelySentenceMonths', 'facts.intentionalCrimeWithinFiveYears'],
    });
    const still = await call<{ procuratorateCase: Case }>('query($id: ID!) { procuratorateCase(id: $id) { status referredAt } }', { id: c.id });
    expect(still.data!.procuratorateCase).toEqual({ status: 'RECEIVED', referredAt: null });
  });

  it('reports every invalid field at once, a taken case number among them, and writes nothing', async () => {
    const taken = await register();
    const before = await rows();
    const { errors } = await call(REGISTER, {
      input: input({
        caseNumber: taken.caseNumber,
        regionCode: '321282001',
        charge: '某某罪',
        statutoryMaximumMonths: -1,
        suspect: { name: '赵大勇', idNumber: '321281199005200032', birthDate: '1991-01-01' },
        victim: { name: '', phone: '123' },
      }),
    });
    expect(errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['regionCode', 'chapter', 'negligent', 'statutoryMaximumMonths', 'suspect.birthDate', 'victim.name', 'victim.phone', 'caseNumber'],
    });
    expect(await rows()).toBe(before);
    const noBirth = await call(REGISTER, { input: input({ suspect: { name: '赵大勇' } }) });
    expect(noBirth.errors![0]!.extensions).toMatchObject({ fields: ['suspect.birthDate'] });
  });

  it('masks the suspect outside the procuratorate; a minor suspect only for a supervisor', async () => {
    const minor = await register({ suspect: { name: '孙小军', idNumber: '32128120100601002X' } });
    const q = 'query($id: ID!) { procuratorateCase(id: $id) { suspectName suspectBirthDate } }';
    expect((await call<{ procuratorateCase: Case }>(q, { id: minor.id }, 'leader')).data!.procuratorateCase).toEqual({
      suspectName: '孙*军',
      suspectBirthDate: '2010-**-**',
    });
    expect((await call<{ procuratorateCase: Case }>(q, { id: minor.id })).data!.procuratorateCase.suspectName).toBe('孙*军');
    const supervisor = callerOf('procurator', { roles: ['SUPERVISOR'] });
    expect((await call<{ procuratorateCase: Case }>(q, { id: minor.id }, supervisor)).data!.procuratorateCase).toEqual({
      suspectName: '孙小军',
      suspectBirthDate: '2010-06-01',
    });
  });

  it('refuses other agencies', async () => {
    for (const who of ['police-officer', 'leader', 'mediator'])
      expect((await call(REGISTER, { input: input() }, who)).errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
  });
});
