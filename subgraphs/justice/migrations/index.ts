import { migrationList } from '@jiefen/database';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- justice`). */
export const migrations = migrationList();
