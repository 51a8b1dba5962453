import type { As, Stack } from '@jiefen/testing';

/** A valid 公民身份号码 from its first 17 digits (GB 11643 check character). */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

let serial = 100;
/** A fresh adult's ID number for each call (so repeat-person rules fire only when a test wants them). */
export function freshIdNumber(): string {
  serial += 1;
  return idNumber(`321281198503${String((serial % 28) + 1).padStart(2, '0')}${String(serial).padStart(3, '0').slice(-3)}`);
}

export const registration = (channel: string, overrides: Record<string, unknown> = {}) => ({
  category: 'NEIGHBOURHOOD',
  channel,
  summary: '两户因院墙排水问题发生争执,要求调解',
  regionCode: '321281123201',
  peopleInvolved: 2,
  claims: '请求对方疏通排水沟并赔偿损失',
  parties: [
    { role: 'APPLICANT', name: '张小三', idNumber: freshIdNumber(), phone: '13812345678' },
    { role: 'RESPONDENT', name: '李四', idNumber: freshIdNumber() },
  ],
  ...overrides,
});

export const DISPUTE_FIELDS = 'id number status tier riskLevel channel attemptsAtTier version dueAt';

/** Sends one mutation and returns its payload, failing the test with the error when there is one. */
export async function mutate<T = Record<string, unknown>>(
  stack: Stack,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  as: As = 'hub-coordinator',
  selection = DISPUTE_FIELDS,
): Promise<T> {
  const { body } = await stack.querySubgraph<Record<string, T>>(
    'governance',
    `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
    { input },
    as,
  );
  if (body.errors) throw new Error(`${field}: ${JSON.stringify(body.errors)}`);
  return body.data![field]!;
}

/** Sends one mutation expected to fail; returns the first error. */
export async function refused(
  stack: Stack,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  as: As = 'hub-coordinator',
): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const { body } = await stack.querySubgraph('governance', `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename } }`, { input }, as);
  if (!body.errors) throw new Error(`${field} was expected to fail`);
  return body.errors[0] as { message: string; extensions: Record<string, unknown> };
}

/** Rows in the governance database (to prove a refused request wrote nothing). */
export async function rowCount(stack: Stack, ...tables: string[]): Promise<number> {
  const sql = `select ${tables.map((t) => `(select count(*) from ${t})`).join(' + ')} as n`;
  const rows = await stack.subgraphs.governance!.orm.em.getConnection().execute<{ n: string }[]>(sql);
  return Number(rows[0]!.n);
}

export const WORKFLOW_TABLES = ['dispute_activity', 'mediation_attempt', 'escalation', 'dispute_notice', 'risk_alert'];
