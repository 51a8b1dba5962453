// The shape of the DashboardReport operation's answer, and reading figures out of it by the same
// dotted paths the page writes into `data-figure` (the browser test reads the API's answer by them).
import type { BlockKey } from './blocks.js';

export interface Breakdown {
  key: string;
  count: number;
}

export type Block = Record<string, number | null | Breakdown[] | unknown>;

export interface FunnelRow {
  kind: string;
  kindLabel?: string | null;
  [field: string]: number | string | null | undefined;
}

export interface RegionRef {
  code: string;
  name: string;
  level?: string;
  parent?: RegionRef | null;
}

export interface ReportBlocks extends Partial<Record<BlockKey, Block | null>> {
  dockingFunnel?: FunnelRow[] | null;
}

export interface ChildReport extends ReportBlocks {
  regionCode: string;
  population: number | null;
  region: { name: string; level: string } | null;
}

export interface TrendPoint extends ReportBlocks {
  label: string;
  from: string;
}

export interface Report extends ReportBlocks {
  regionCode: string;
  from: string;
  to: string;
  label: string;
  population: number | null;
  region: RegionRef | null;
  children: ChildReport[];
  trend: TrendPoint[];
}

/**
 * A figure by path: `court.diversionRate`, `children.321281123.court.filings` (a child by region
 * code), `trend.2.hub.registered` (a point by index), `dockingFunnel.COURT.sent` (a row by kind),
 * `hub.byChannel.WINDOW` (a breakdown's count by key). Undefined when any step is missing.
 */
export function figureAt(report: unknown, path: string): unknown {
  let at: unknown = report;
  const steps = path.split('.');
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (Array.isArray(at)) {
      const parent = steps[i - 1];
      if (parent === 'children') at = at.find((c: { regionCode?: string }) => c.regionCode === step);
      else if (parent === 'dockingFunnel') at = at.find((r: { kind?: string }) => r.kind === step);
      else if (parent === 'trend') at = at[Number(step)];
      else {
        const row = at.find((b: { key?: string }) => b.key === step) as Breakdown | undefined;
        at = row ? row.count : 0;
      }
    } else if (at && typeof at === 'object') {
      at = (at as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
  }
  return at;
}
