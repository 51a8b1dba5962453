import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createErrorFormatter, DomainError, type ErrorLogger } from './errors.js';

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
