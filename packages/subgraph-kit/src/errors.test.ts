import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createErrorFormatter, DomainError, localizeInputError, type ErrorLogger } from './errors.js';

// Apollo Server loads graphql's CommonJS build (as the subgraphs' schemas do): execute with the same module.
const { buildSchema, execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const schema = buildSchema('type Query { count(n: Int!): Int, broken: Int, refused: Int }');
const rootValue = {
  count: ({ n }: { n: number }) => n,
  broken: () => 'not a number',
  refused: () => {
    throw DomainError.validation('n', '数量无效');
  },
};

async function format(source: string, variables?: Record<string, unknown>) {
  const logged: unknown[] = [];
  const logger: ErrorLogger = { error: (message, details) => logged.push({ message, ...details }) };
  // Executed without validation, as a variable's value reaches execution after validation passed.
  const result = await execute({ schema, document: parse(source), rootValue, variableValues: variables });
  const formatter = createErrorFormatter('test', logger);
  return { errors: (result.errors ?? []).map((e) => formatter(e.toJSON(), e)), logged };
}

describe('createErrorFormatter', () => {
  it("keeps a domain error's code, message and details", async () => {
    const { errors, logged } = await format('{ refused }');
    expect(errors[0]).toMatchObject({ message: '数量无效', extensions: { code: 'VALIDATION_FAILED', field: 'n' } });
    expect(logged).toEqual([]);
  });

  it("masks and logs a value the server could not serialize (not the client's fault)", async () => {
    const { errors, logged } = await format('{ broken }');
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/服务器内部错误/), extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['broken'] });
    expect(JSON.stringify(errors[0])).not.toMatch(/cannot represent/);
    expect(logged).toHaveLength(1);
  });

  it('answers an argument graphql-js refuses during execution as BAD_REQUEST', async () => {
    const { errors } = await format('{ count(n: "x") }');
    expect(errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(errors[0]?.message).toMatch(/Argument "n"/);
  });
});

describe('localizeInputError: GraphQL refusing a value, in Chinese, naming the field', () => {
  const bad = (message: string) => localizeInputError({ message, extensions: { code: 'BAD_USER_INPUT' } });
  it.each([
    [
      'Variable "$input" got invalid value "民间纠纷" at "input.category"; Value "民间纠纷" does not exist in "DisputeCategory" enum.',
      '输入有误:category 取值 民间纠纷 不是 DisputeCategory 的可选值(可选值见接口文档)',
      'category',
    ],
    [
      'Variable "$input" got invalid value { cause: "x" }; Field "regionCode" of required type "String!" was not provided.',
      '输入有误:变量 $input 缺少必填字段 regionCode',
      'input',
    ],
    [
      'Variable "$input" got invalid value "x" at "input.parties[0].age"; Int cannot represent non-integer value: "x"',
      '输入有误:parties[0].age 类型不符',
      'parties[0].age',
    ],
    ['Variable "$id" of required type "ID!" was not provided.', '输入有误:缺少必填变量 $id(ID!)', 'id'],
    [
      'Variable "$input" got invalid value null at "input.tier"; Expected non-nullable type "DisputeTier!" not to be null.',
      '输入有误:input.tier 取值无效',
      undefined,
    ],
  ])('%s', (message, chinese, field) => {
    const localized = bad(message);
    if (field === undefined) {
      expect(localized.message).toMatch(/^输入有误/);
      return;
    }
    expect(localized).toEqual({ message: chinese, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('keeps messages it does not know, and the code', () => {
    expect(bad('Cannot query field "x" on type "Query".')).toEqual({
      message: 'Cannot query field "x" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
