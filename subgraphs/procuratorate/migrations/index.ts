import { migrationList } from '@jiefen/database';
import { Migration20261128165222 } from './Migration20261128165222.js';
import { Migration20261128174210 } from './Migration20261128174210.js';
import { Migration20261128181733 } from './Migration20261128181733.js';
import { Migration20261201114749 } from './Migration20261201114749.js';
import { Migration20261201122219 } from './Migration20261201122219.js';
import { Migration20261201131244 } from './Migration20261201131244.js';
import { Migration20261201143530 } from './Migration20261201143530.js';
import { Migration20261201144237 } from './Migration20261201144237.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261202090000 } from './Migration20261202090000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- procuratorate`). */
export const migrations = migrationList(
  Migration20261128165222,
  Migration20261128174210,
  Migration20261128181733,
  Migration20261201114749,
  Migration20261201122219,
  Migration20261201131244,
  Migration20261201143530,
  Migration20261201144237,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261202090000,
  Migration20261201184500,
);
