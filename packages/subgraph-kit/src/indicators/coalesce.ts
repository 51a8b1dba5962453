import { DAY_MS } from '@jiefen/calendar';
import { indicatorScopeKey, type IndicatorScope } from './report.js';
import { commonPrefix } from './sql.js';

/** How long a block's statement waits for the requests that come with it (`JIEFEN_INDICATOR_COALESCE_MS`, default 4 ms; 0 turns it off). */
export const DEFAULT_COALESCE_MS = 4;

export function coalesceMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JIEFEN_INDICATOR_COALESCE_MS;
  if (raw == null || raw === '') return DEFAULT_COALESCE_MS;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0 || ms > 1000)
    throw new Error(`JIEFEN_INDICATOR_COALESCE_MS must be a number of milliseconds from 0 to 1000, not "${raw}"`);
  return ms;
}

/** One request's scopes, waiting for the statement it shares. */
interface Waiting<C, V> {
  context: C;
  scopes: readonly IndicatorScope[];
  prefix: string;
  from: number;
  to: number;
  resolve(values: V[]): void;
  reject(error: unknown): void;
}

/** A shared statement's requests: the widest one's region prefix contains the others'. */
interface Group<C, V> {
  prefix: string;
  from: number;
  to: number;
  members: Waiting<C, V>[];
}

/**
 * A share may lengthen the period the statement reads by at most this much beyond its longest
 * request's (the weeks of a quarter reach a few days past it; two leaders' different years do not
 * share).
 */
const SPAN_SLACK = 0.25;

/**
 * Scopes of requests that arrive together, counted by one statement. The gateway fetches an agency's
 * block for a dashboard's report, for its children and for its trend as three parallel requests; each
 * alone would read the same range of the region index (a county's records of the period) again. Here
 * the first request waits `windowMs` for the others, then one `count` answers them all.
 *
 * Invariants: nothing is cached — every figure is read by a statement that starts after the request
 * that asked for it arrived; requests share a statement only when one's region prefix contains the
 * others' and the shared period is not much longer than the longest alone (two leaders on two
 * counties, or on two years, read their own ranges); `count` is called with the first member's
 * context (figures do not depend on the caller: every request was authorized before it asked);
 * an error reaches every request that shared the statement.
 */
export class ScopeCoalescer<C, V> {
  private waiting: Waiting<C, V>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private window: number | undefined;

  /** `windowMs` is read at the first load (a process's settings are in place by then, not at import). */
  constructor(
    private readonly count: (context: C, scopes: readonly IndicatorScope[]) => Promise<V[]>,
    private readonly windowMs: number | (() => number),
  ) {}

  private get windowLength(): number {
    return (this.window ??= typeof this.windowMs === 'function' ? this.windowMs() : this.windowMs);
  }

  /** The values of `scopes`, in their order, from a statement shared with the requests arriving within the window. */
  load(context: C, scopes: readonly IndicatorScope[]): Promise<V[]> {
    if (this.windowLength <= 0 || scopes.length === 0) return this.count(context, scopes);
    return new Promise<V[]>((resolve, reject) => {
      const from = Math.min(...scopes.map((s) => s.from.getTime()));
      const to = Math.max(...scopes.map((s) => s.to.getTime()));
      this.waiting.push({ context, scopes, prefix: commonPrefix(scopes.map((s) => s.regionCode)), from, to, resolve, reject });
      this.timer ??= setTimeout(() => this.flush(), this.windowLength);
    });
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = [];
    this.timer = null;
    for (const group of groupsOf(waiting)) void this.run(group);
  }

  private async run(group: Group<C, V>): Promise<void> {
    const index = new Map<string, number>();
    const scopes: IndicatorScope[] = [];
    for (const member of group.members)
      for (const scope of member.scopes) {
        const key = indicatorScopeKey(scope);
        if (!index.has(key)) index.set(key, scopes.push(scope) - 1);
      }
    try {
      const values = await this.count(group.members[0]!.context, scopes);
      for (const member of group.members) member.resolve(member.scopes.map((s) => values[index.get(indicatorScopeKey(s))!]!));
    } catch (error) {
      for (const member of group.members) member.reject(error);
    }
  }
}

const spanOf = (x: { from: number; to: number }) => Math.max(x.to - x.from, DAY_MS);

/** Widest prefix first; a request joins the first group whose prefix contains its own and whose period it does not stretch too far. */
function groupsOf<C, V>(waiting: Waiting<C, V>[]): Group<C, V>[] {
  const groups: Group<C, V>[] = [];
  for (const member of [...waiting].sort((a, b) => a.prefix.length - b.prefix.length)) {
    const group = groups.find((g) => {
      if (!member.prefix.startsWith(g.prefix)) return false;
      const from = Math.min(g.from, member.from);
      const to = Math.max(g.to, member.to);
      const longest = Math.max(...g.members.map(spanOf), spanOf(member));
      return to - from <= longest * (1 + SPAN_SLACK);
    });
    if (group) {
      group.members.push(member);
      group.from = Math.min(group.from, member.from);
      group.to = Math.max(group.to, member.to);
    } else groups.push({ prefix: member.prefix, from: member.from, to: member.to, members: [member] });
  }
  return groups;
}
