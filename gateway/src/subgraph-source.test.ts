import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, subgraphTimeoutFromEnv } from './subgraph-source.js';

describe('subgraphTimeoutFromEnv', () => {
  it('defaults when unset or empty and reads whole milliseconds', () => {
    expect(subgraphTimeoutFromEnv({})).toBe(DEFAULT_SUBGRAPH_TIMEOUT_MS);
    expect(subgraphTimeoutFromEnv({ JIEFEN_SUBGRAPH_TIMEOUT_MS: '' })).toBe(DEFAULT_SUBGRAPH_TIMEOUT_MS);
    expect(subgraphTimeoutFromEnv({ JIEFEN_SUBGRAPH_TIMEOUT_MS: '1200' })).toBe(1200);
  });

  it.each(['0', '-5', '1.5', 'five', '5s'])('refuses %j at startup', (raw) => {
    expect(() => subgraphTimeoutFromEnv({ JIEFEN_SUBGRAPH_TIMEOUT_MS: raw })).toThrow(/JIEFEN_SUBGRAPH_TIMEOUT_MS/);
  });
});
