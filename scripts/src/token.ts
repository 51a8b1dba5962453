// `npm run token -- <persona> [--roles A,B] [--jurisdiction 321281123] [--agency COURT] [--org CODE]
//   [--name 姓名] [--sub ID] [--expires 3600]` prints a development token signed with the keys in
// .data/keys (created on first use; the gateway of `npm start` trusts them).
// `npm run token -- --help` lists the personas and their claims.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, callerFromClaims, claimsOfCaller, issueToken, loadOrCreateDevKeys, PERSONAS, ROLES } from '@jiefen/auth';
import { repoRoot } from './paths.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    roles: { type: 'string' },
    jurisdiction: { type: 'string' },
    agency: { type: 'string' },
    org: { type: 'string' },
    name: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string' },
    json: { type: 'boolean' },
  },
});

function help(): void {
  console.log(
    'usage: npm run token -- <persona> [--roles STAFF,ADMIN] [--jurisdiction 321281123] [--agency COURT] [--org CODE] [--name 姓名] [--sub ID] [--expires SECONDS] [--json]\n',
  );
  console.log('personas (demo county 兴化市 321281, town 戴南镇 321281123):\n');
  for (const [key, p] of Object.entries(PERSONAS)) {
    console.log(`  ${key.padEnd(17)} ${p.name}  ${p.organizationName}`);
    console.log(`  ${''.padEnd(17)} agency=${p.agency} roles=${p.roles.join(',')} jurisdiction=${p.jurisdiction} org=${p.organization}`);
    console.log(`  ${''.padEnd(17)} ${p.description}\n`);
  }
  console.log(`agencies: ${AGENCIES.join(' ')}\nroles:    ${ROLES.join(' ')}`);
  console.log('\nuse:  curl http://127.0.0.1:4000/graphql -H "authorization: Bearer $(npm run -s token -- court-staff)" …');
}

const name = positionals[0];
if (values.help || !name) {
  help();
  process.exit(values.help ? 0 : 2);
}
const persona = PERSONAS[name];
if (!persona) {
  console.error(`unknown persona "${name}"; one of: ${Object.keys(PERSONAS).join(', ')}`);
  process.exit(2);
}
const { description: _description, organizationName: _org, ...base } = persona;
let caller;
try {
  caller = callerFromClaims({
    ...claimsOfCaller(base),
    ...(values.roles ? { roles: values.roles.split(',').map((r) => r.trim().toUpperCase()) } : {}),
    ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}),
    ...(values.agency ? { agency: values.agency.toUpperCase() } : {}),
    ...(values.org ? { org: values.org } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values.sub ? { sub: values.sub } : {}),
  });
} catch (error) {
  console.error(`invalid claims: ${(error as Error).message}`);
  process.exit(2);
}
const keys = await loadOrCreateDevKeys(process.env.JIEFEN_KEYS_DIR ?? join(repoRoot, '.data', 'keys'));
const token = await issueToken(keys.tokenPrivateKey, caller, {
  expiresIn: values.expires ? Number(values.expires) : undefined,
  issuer: process.env.JIEFEN_TOKEN_ISSUER,
  audience: process.env.JIEFEN_TOKEN_AUDIENCE,
  kid: 'dev-token-1',
});
console.log(values.json ? JSON.stringify({ token, claims: claimsOfCaller(caller) }, null, 2) : token);
