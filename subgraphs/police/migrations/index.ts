import { migrationList } from '@jiefen/database';
import { Migration20261128165217 } from './Migration20261128165217.js';
import { Migration20261128172428 } from './Migration20261128172428.js';
import { Migration20261128174318 } from './Migration20261128174318.js';
import { Migration20261201114742 } from './Migration20261201114742.js';
import { Migration20261201121348 } from './Migration20261201121348.js';
import { Migration20261201130638 } from './Migration20261201130638.js';
import { Migration20261201143525 } from './Migration20261201143525.js';
import { Migration20261201144222 } from './Migration20261201144222.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201171313 } from './Migration20261201171313.js';
import { Migration20261202090000 } from './Migration20261202090000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- police`). */
export const migrations = migrationList(
  Migration20261128165217,
  Migration20261128172428,
  Migration20261128174318,
  Migration20261201114742,
  Migration20261201121348,
  Migration20261201130638,
  Migration20261201143525,
  Migration20261201144222,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261201171313,
  Migration20261202090000,
  Migration20261201184500,
);
