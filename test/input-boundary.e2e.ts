// One input check at the boundary: a NUL (U+0000) or a lone surrogate in any string — a variable
// or a literal, however deep in an input object — is refused before any resolver runs, by the
// gateway and by each subgraph on its own, with VALIDATION_FAILED and the field; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

/** An enum value: bare in a literal, a string in variables. */
class Enum {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}
const E = (name: string) => new Enum(name);

/** A value as a GraphQL literal (strings through JSON, whose escapes GraphQL shares). */
function literal(value: unknown): string {
  if (value instanceof Enum) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

interface Case {
  subgraph: string;
  as: string;
  mutation: string;
  types: Record<string, string>;
  /** The arguments, with `text` where the tested string goes. */
  args: (text: string) => Record<string, unknown>;
  /** The field the refusal names. */
  field: string;
  /** The text that makes the arguments valid; with it the mutation writes (proves the refusal is the text's doing). */
  clean?: string;
}

const BAD = { NUL: '\u0000', LONE_SURROGATE: '\uD800' } as const;
const COMMITTEE = '54321281MJ12345677';
const PERSON = { name: '张小三', idNumber: '11010519491231002X', phone: '13812345678' };

function cases(dispute: { id: string; regionCode: string }): Case[] {
  return [
    {
      subgraph: 'governance',
      as: 'hub-coordinator',
      mutation: 'registerDispute',
      types: { input: 'RegisterDisputeInput!' },
      field: 'input.parties[0].name',
      clean: '张小三',
      args: (text) => ({
        input: {
          category: E('NEIGHBOURHOOD'),
          channel: E('WINDOW'),
          summary: '两户因院墙排水问题发生争执,要求调解',
          regionCode: '321281123201',
          peopleInvolved: 2,
          parties: [{ role: E('APPLICANT'), name: text, idNumber: PERSON.idNumber, phone: PERSON.phone }],
        },
      }),
    },
    {
      subgraph: 'governance',
      as: 'hub-coordinator',
      mutation: 'withdrawServiceItem',
      types: { code: 'String!' },
      field: 'code',
      args: (text) => ({ code: `SI${text}` }),
    },
    {
      subgraph: 'justice',
      as: 'mediator',
      mutation: 'registerMediationApplication',
      types: { input: 'MediationApplicationInput!' },
      field: 'input.summary',
      clean: '相邻两户因排水沟渠堵塞互相指责',
      args: (text) => ({
        input: {
          category: E('NEIGHBOURHOOD'),
          summary: text,
          regionCode: '321281123200',
          parties: [
            { role: E('APPLICANT'), name: '王五' },
            { role: E('RESPONDENT'), name: '赵六' },
          ],
        },
      }),
    },
    {
      subgraph: 'justice',
      as: 'legal-aid',
      mutation: 'rejectMediationCase',
      types: { caseId: 'ID!', reason: 'String!' },
      field: 'reason',
      args: (text) => ({ caseId: randomUUID(), reason: `不属于人民调解范围${text}` }),
    },
    {
      subgraph: 'court',
      as: 'court-staff',
      mutation: 'receiveCivilCase',
      types: { input: 'ReceiveCivilCaseInput!' },
      field: 'input.cause',
      clean: '买卖合同纠纷',
      args: (text) => ({
        input: {
          disputeId: dispute.id,
          cause: text,
          regionCode: dispute.regionCode,
          plaintiffName: PERSON.name,
          plaintiffIdNumber: PERSON.idNumber,
          plaintiffPhone: PERSON.phone,
          defendantName: '李四',
        },
      }),
    },
    {
      subgraph: 'court',
      as: 'court-staff',
      mutation: 'divertToMediation',
      types: { id: 'ID!', receiver: 'ReceivingOrganizationInput!' },
      field: 'receiver.name',
      args: (text) => ({ id: randomUUID(), receiver: { creditCode: COMMITTEE, name: `戴南镇人民调解委员会${text}` } }),
    },
    {
      subgraph: 'petition',
      as: 'petition-officer',
      mutation: 'registerPetition',
      types: { input: 'RegisterPetitionInput!' },
      field: 'input.subject',
      clean: '反映戴南镇某企业拖欠工资,要求督促支付',
      args: (text) => ({
        input: {
          disputeId: dispute.id,
          form: E('VISIT'),
          subject: text,
          regionCode: dispute.regionCode,
          petitionerName: PERSON.name,
          petitionerIdNumber: PERSON.idNumber,
        },
      }),
    },
    {
      subgraph: 'petition',
      as: 'petition-officer',
      mutation: 'declinePetition',
      types: { id: 'ID!', reason: 'String!' },
      field: 'reason',
      args: (text) => ({ id: randomUUID(), reason: `不属于信访事项${text}` }),
    },
    {
      subgraph: 'procuratorate',
      as: 'procurator',
      mutation: 'referForReconciliation',
      types: { id: 'ID!', receiver: 'ReceivingOrganizationInput!', facts: 'ReconciliationFactsInput!' },
      field: 'facts.charge',
      args: (text) => ({
        id: randomUUID(),
        receiver: { creditCode: COMMITTEE },
        facts: {
          charge: `故意伤害罪${text}`,
          arisesFromCivilDispute: true,
          likelySentenceMonths: 18,
          intentionalCrimeWithinFiveYears: false,
          suspectRepents: true,
          victimAccepts: true,
        },
      }),
    },
    {
      subgraph: 'police',
      as: 'police-officer',
      mutation: 'transferToMediation',
      types: { incidentId: 'ID!', input: 'TransferToMediationInput!' },
      field: 'input.parties[1].name',
      args: (text) => ({
        incidentId: randomUUID(),
        input: {
          receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
          reason: '邻里排水纠纷,双方同意人民调解',
          parties: [
            { role: E('APPLICANT'), name: '张小三' },
            { role: E('RESPONDENT'), name: `李${text}四` },
          ],
        },
      }),
    },
    {
      subgraph: 'police',
      as: 'police-officer',
      mutation: 'failPoliceMediation',
      types: { id: 'ID!', reason: 'String!' },
      field: 'reason',
      args: (text) => ({ id: randomUUID(), reason: `一方拒绝调解${text}` }),
    },
  ];
}

function withVariables(c: Case, text: string): { query: string; variables: Record<string, unknown> } {
  const names = Object.keys(c.types);
  return {
    query: `mutation(${names.map((n) => `$${n}: ${c.types[n]}`).join(', ')}) { ${c.mutation}(${names.map((n) => `${n}: $${n}`).join(', ')}) { __typename } }`,
    variables: JSON.parse(JSON.stringify(c.args(text))) as Record<string, unknown>,
  };
}

function withLiterals(c: Case, text: string): string {
  return `mutation { ${c.mutation}(${Object.entries(c.args(text))
    .map(([n, v]) => `${n}: ${literal(v)}`)
    .join(', ')}) { __typename } }`;
}

describe('NUL and lone surrogates refused at the boundary', () => {
  let stack: Stack;
  let all: Case[];

  /** Rows of every table of every agency's database. */
  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, s] of Object.entries(stack.subgraphs)) {
      const connection = s.orm.em.getConnection();
      const tables = await connection.execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const rows = await connection.execute<{ t: string; n: string }[]>(
        tables.map((t) => `select '${t.table_name}' as t, count(*) as n from "${t.table_name}"`).join(' union all '),
      );
      for (const r of rows) counts[`${name}.${r.t}`] = Number(r.n);
    }
    return counts;
  }

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
    const [dispute] = await stack.subgraphs
      .governance!.orm.em.getConnection()
      .execute<{ id: string; region_code: string }[]>(`select id, region_code from dispute where region_code like '321281123%' order by number limit 1`);
    all = cases({ id: dispute!.id, regionCode: dispute!.region_code });
  });
  afterAll(() => stack?.stop());

  it('refuses them in variables and literals through the gateway, in every subgraph, writing nothing', async () => {
    const before = await snapshot();
    for (const c of all) {
      for (const [kind, bad] of Object.entries(BAD)) {
        const text = `${c.clean ?? '正常文字'}${bad}`;
        const label = `${c.mutation} ${kind}`;
        const viaVariables = withVariables(c, text);
        const v = await stack.query(viaVariables.query, viaVariables.variables, c.as);
        expect(v.status, label).toBe(400);
        expect(v.body.data ?? null, label).toBeNull();
        expect(v.body.errors?.[0]?.extensions, label).toMatchObject({ code: 'VALIDATION_FAILED', field: c.field, kind });
        expect(v.body.errors![0]!.message, label).toMatch(kind === 'NUL' ? /空字符/ : /无效的 Unicode/);

        const l = await stack.query(withLiterals(c, text), {}, c.as);
        expect(l.status, label).toBe(400);
        // A lone surrogate cannot be written as a GraphQL escape at all: the parser refuses it.
        const expected = kind === 'NUL' ? { code: 'VALIDATION_FAILED', field: c.field, kind } : { code: 'GRAPHQL_PARSE_FAILED' };
        expect(l.body.errors?.[0]?.extensions, label).toMatchObject(expected);

        // Defence in depth: the subgraph refuses the same on its own (behind any gateway).
        const direct = await stack.querySubgraph(c.subgraph, viaVariables.query, viaVariables.variables, c.as);
        expect(direct.body.errors?.[0]?.extensions, `${label} at ${c.subgraph}`).toMatchObject({ code: 'VALIDATION_FAILED', field: c.field, kind });
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(new Set(all.map((c) => c.subgraph)).size).toBe(6);
  });

  it("accepts the same mutations with clean text (the refusals above are the text's doing)", async () => {
    for (const c of all.filter((x) => x.clean)) {
      const before = await snapshot();
      const { query, variables } = withVariables(c, c.clean!);
      const ok = await stack.query(query, variables, c.as);
      expect(ok.body.errors, `${c.mutation}: ${JSON.stringify(ok.body.errors)}`).toBeUndefined();
      const literalOk = await stack.query(withLiterals(c, `${c.clean!}😀`), {}, c.as);
      expect(literalOk.body.errors, `${c.mutation} literal: ${JSON.stringify(literalOk.body.errors)}`).toBeUndefined();
      expect(await snapshot()).not.toEqual(before);
    }
  });
});
