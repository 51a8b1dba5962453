// One-shot: creates the development federation keys and docking keys in JIEFEN_KEYS_DIR (if missing) so the
// subgraphs and the gateway of a compose stack share them. Production uses
// JIEFEN_GATEWAY_PUBLIC_KEY / JIEFEN_INTERNAL_PRIVATE_KEY / JIEFEN_PERSON_KEY_SECRET and a JWKS URL instead.
import { loadOrCreateDevKeys } from '@jiefen/auth';
import { loadOrCreateDevDockingKeys } from '@jiefen/docking';

const dir = process.env.JIEFEN_KEYS_DIR;
if (!dir) {
  console.error('set JIEFEN_KEYS_DIR');
  process.exit(2);
}
const keys = await loadOrCreateDevKeys(dir);
// Every agency's docking signing key (development: one store for the six subgraphs).
await loadOrCreateDevDockingKeys(dir);
console.log(`[keys] development keys ready in ${dir}; gateway public key: ${JSON.stringify(keys.internalPublicJwk)}`);
