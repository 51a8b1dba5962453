import { migrationList } from '@jiefen/database';
import { Migration20261128164453 } from './Migration20261128164453.js';
import { Migration20261128170845 } from './Migration20261128170845.js';
import { Migration20261128171335 } from './Migration20261128171335.js';
import { Migration20261128173100 } from './Migration20261128173100.js';
import { Migration20261128180330 } from './Migration20261128180330.js';
import { Migration20261201114707 } from './Migration20261201114707.js';
import { Migration20261201120000 } from './Migration20261201120000.js';
import { Migration20261201122251 } from './Migration20261201122251.js';
import { Migration20261201143541 } from './Migration20261201143541.js';
import { Migration20261201144219 } from './Migration20261201144219.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';
import { Migration20261201233000 } from './Migration20261201233000.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- governance`). */
export const migrations = migrationList(
  Migration20261128164453,
  Migration20261128170845,
  Migration20261128171335,
  Migration20261128173100,
  Migration20261128180330,
  Migration20261201114707,
  Migration20261201120000,
  Migration20261201122251,
  Migration20261201143541,
  Migration20261201144219,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261201184500,
  Migration20261201233000,
);
