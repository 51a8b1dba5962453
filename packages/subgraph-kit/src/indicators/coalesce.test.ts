import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { coalesceMsFromEnv, ScopeCoalescer } from './coalesce.js';
import { indicatorScopeKey, type IndicatorScope } from './report.js';

const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const scope = (regionCode: string, from: string, to: string): IndicatorScope => ({ regionCode, from: day(from), to: day(to) });
const YEAR = ['2026-01-01', '2027-01-01'] as const;
const months = (code: string) =>
  Array.from({ length: 12 }, (_, m) =>
    scope(code, `2026-${String(m + 1).padStart(2, '0')}-01`, m === 11 ? '2027-01-01' : `2026-${String(m + 2).padStart(2, '0')}-01`),
  );

/** A coalescer whose statement answers each scope with its key, and remembers what each statement was asked. */
function recorder(windowMs = 5) {
  const statements: string[][] = [];
  const coalescer = new ScopeCoalescer<string, string>(async (_ctx, scopes) => {
    statements.push(scopes.map(indicatorScopeKey));
    return scopes.map(indicatorScopeKey);
  }, windowMs);
  return { coalescer, statements };
}

describe('requests arriving together share one statement', () => {
  it('a county report, its towns and its months: one statement, each request its own answers in order, a scope asked twice counted once', async () => {
    const { coalescer, statements } = recorder();
    const report = [scope('321281', ...YEAR)];
    const towns = ['321281100', '321281101', '321281123'].map((code) => scope(code, ...YEAR));
    const trend = months('321281');
    const answers = await Promise.all([coalescer.load('a', report), coalescer.load('b', towns), coalescer.load('c', trend), coalescer.load('d', report)]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toHaveLength(1 + 3 + 12);
    expect(answers).toEqual([report, towns, trend, report].map((scopes) => scopes.map(indicatorScopeKey)));
  });

  it('two counties, or one county in two years, read their own ranges', async () => {
    const { coalescer, statements } = recorder();
    await Promise.all([coalescer.load('a', [scope('321281', ...YEAR)]), coalescer.load('b', [scope('321282', ...YEAR)])]);
    expect(statements).toHaveLength(2);
    await Promise.all([coalescer.load('a', [scope('321281', ...YEAR)]), coalescer.load('b', [scope('321281', '2025-01-01', '2026-01-01')])]);
    expect(statements).toHaveLength(4);
    // The weeks of a quarter reach a few days beyond it: still one statement.
    await Promise.all([
      coalescer.load('a', [scope('321281', '2026-10-01', '2027-01-01')]),
      coalescer.load('b', [scope('321281', '2026-09-28', '2026-10-05'), scope('321281', '2026-12-28', '2027-01-04')]),
    ]);
    expect(statements).toHaveLength(5);
  });

  it('a request after the window starts a statement of its own', async () => {
    const { coalescer, statements } = recorder(5);
    await coalescer.load('a', [scope('321281', ...YEAR)]);
    await coalescer.load('b', months('321281'));
    expect(statements).toHaveLength(2);
  });

  it('a failed statement fails every request that shared it', async () => {
    const coalescer = new ScopeCoalescer<string, string>(async () => {
      throw new Error('连接中断');
    }, 5);
    const outcomes = await Promise.allSettled([coalescer.load('a', [scope('321281', ...YEAR)]), coalescer.load('b', months('321281'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });

  it('window 0: each request counts at once, alone', async () => {
    const { coalescer, statements } = recorder(0);
    await Promise.all([coalescer.load('a', [scope('321281', ...YEAR)]), coalescer.load('b', months('321281'))]);
    expect(statements).toHaveLength(2);
  });

  it('reads its window from JIEFEN_INDICATOR_COALESCE_MS and refuses a wrong one', () => {
    expect(coalesceMsFromEnv({})).toBe(4);
    expect(coalesceMsFromEnv({ JIEFEN_INDICATOR_COALESCE_MS: '0' })).toBe(0);
    expect(coalesceMsFromEnv({ JIEFEN_INDICATOR_COALESCE_MS: '12' })).toBe(12);
    expect(() => coalesceMsFromEnv({ JIEFEN_INDICATOR_COALESCE_MS: 'soon' })).toThrow(/JIEFEN_INDICATOR_COALESCE_MS/);
    expect(() => coalesceMsFromEnv({ JIEFEN_INDICATOR_COALESCE_MS: '-1' })).toThrow(/JIEFEN_INDICATOR_COALESCE_MS/);
  });
});
