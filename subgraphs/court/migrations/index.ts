import { migrationList } from '@jiefen/database';
import { Migration20261128164518 } from './Migration20261128164518.js';
import { Migration20261128173552 } from './Migration20261128173552.js';
import { Migration20261128181818 } from './Migration20261128181818.js';
import { Migration20261128184102 } from './Migration20261128184102.js';
import { Migration20261201114735 } from './Migration20261201114735.js';
import { Migration20261201121720 } from './Migration20261201121720.js';
import { Migration20261201130600 } from './Migration20261201130600.js';
import { Migration20261201143533 } from './Migration20261201143533.js';
import { Migration20261201144229 } from './Migration20261201144229.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261202090000 } from './Migration20261202090000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- court`). */
export const migrations = migrationList(
  Migration20261128164518,
  Migration20261128173552,
  Migration20261128181818,
  Migration20261128184102,
  Migration20261201114735,
  Migration20261201121720,
  Migration20261201130600,
  Migration20261201143533,
  Migration20261201144229,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261202090000,
  Migration20261201184500,
);
