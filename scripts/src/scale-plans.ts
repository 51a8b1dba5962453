// `node scripts/dist/src/scale-plans.js`: EXPLAIN ANALYZE of every list and indicator query
// (scripts/src/scale/plans.ts) on the development databases, as a Markdown table for BENCHMARKS.md.
import { openDevDatabases } from './dev-database.js';
import { explainAll } from './scale/plans.js';

const databases = await openDevDatabases();
try {
  console.log('| database | query | plan (top ← scans) | rows | ms |');
  console.log('|---|---|---|---:|---:|');
  for (const s of await explainAll(databases.configs)) {
    const warn = s.seqScanRows > 10_000 ? ` ⚠ seq scan reads ${Math.round(s.seqScanRows)} rows` : '';
    console.log(`| ${s.query.database} | ${s.query.name} | ${s.plan}${warn} | ${s.rows} | ${s.ms.toFixed(1)} |`);
  }
} finally {
  await databases.stop();
}
