import type { EntityManager } from '@mikro-orm/core';

export interface CountsKey {
  regionCode: string;
  from: Date;
  to: Date;
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface RegionCounts {
  registered: number;
  resolved: number;
  overdue: number;
  byChannel: KeyCount[];
  byCategory: KeyCount[];
}

/**
 * The hub's counts for many regions and periods: one GROUP BY statement per distinct period,
 * however many regions a page asks for (the region tree's `children { disputeCounts }` included).
 * - registered: registered in the period; by channel and category likewise;
 * - resolved: resolved (化解成功) in the period, whenever registered;
 * - overdue: registered in the period and, now, open past their clock.
 */
type CountRow = { code: string; channel: string; category: string; registered: string; resolved: string; overdue: string };

/**
 * The longest prefix the codes share. The join's `like r.code || '%'` names no constant prefix, so
 * PostgreSQL cannot use the region index for it; this constant one (a county's code for its towns)
 * lets it read only that part of the region index instead of every dispute of the period.
 */
function commonPrefix(codes: string[]): string {
  let prefix = codes[0] ?? '';
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export async function loadDisputeCounts(em: EntityManager, keys: readonly CountsKey[]): Promise<RegionCounts[]> {
  const periods = new Map<string, { from: Date; to: Date; codes: Set<string> }>();
  for (const k of keys) {
    const id = `${k.from.toISOString()}|${k.to.toISOString()}`;
    const p = periods.get(id) ?? { from: k.from, to: k.to, codes: new Set<string>() };
    p.codes.add(k.regionCode);
    periods.set(id, p);
  }
  const results = new Map<string, RegionCounts>();
  for (const [id, p] of periods) {
    const rows: CountRow[] = await em.getConnection().execute(
      `select r.code, d.channel, d.category,
         count(*) filter (where d.registered_at >= ? and d.registered_at < ?) as registered,
         count(*) filter (where d.resolved_at >= ? and d.resolved_at < ?) as resolved,
         count(*) filter (where d.registered_at >= ? and d.registered_at < ? and d.due_at < now()) as overdue
       from unnest(array[?]::text[]) as r(code)
       join dispute d on d.region_code like r.code || '%'
       where ((d.registered_at >= ? and d.registered_at < ?) or (d.resolved_at >= ? and d.resolved_at < ?))
         and d.region_code like ?
       group by r.code, d.channel, d.category`,
      [p.from, p.to, p.from, p.to, p.from, p.to, [...p.codes], p.from, p.to, p.from, p.to, `${commonPrefix([...p.codes])}%`],
    );
    for (const code of p.codes) {
      const mine = rows.filter((r) => r.code === code);
      const sum = (pick: (r: CountRow) => string) => mine.reduce((n, r) => n + Number(pick(r)), 0);
      const group = (by: 'channel' | 'category') => {
        const counts = new Map<string, number>();
        for (const r of mine) if (Number(r.registered) > 0) counts.set(r[by], (counts.get(r[by]) ?? 0) + Number(r.registered));
        return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      };
      results.set(`${id}|${code}`, {
        registered: sum((r) => r.registered),
        resolved: sum((r) => r.resolved),
        overdue: sum((r) => r.overdue),
        byChannel: group('channel'),
        byCategory: group('category'),
      });
    }
  }
  return keys.map((k) => results.get(`${k.from.toISOString()}|${k.to.toISOString()}|${k.regionCode}`)!);
}
