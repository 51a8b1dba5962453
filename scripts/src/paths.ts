import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts run from scripts/dist/src). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
