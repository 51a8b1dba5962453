import { migrationList } from '@jiefen/database';
import { Migration20261128165227 } from './Migration20261128165227.js';
import { Migration20261128174848 } from './Migration20261128174848.js';
import { Migration20261128181739 } from './Migration20261128181739.js';
import { Migration20261201114757 } from './Migration20261201114757.js';
import { Migration20261201122228 } from './Migration20261201122228.js';
import { Migration20261201143527 } from './Migration20261201143527.js';
import { Migration20261201144226 } from './Migration20261201144226.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201171313 } from './Migration20261201171313.js';
import { Migration20261202090000 } from './Migration20261202090000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- petition`). */
export const migrations = migrationList(
  Migration20261128165227,
  Migration20261128174848,
  Migration20261128181739,
  Migration20261201114757,
  Migration20261201122228,
  Migration20261201143527,
  Migration20261201144226,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261201171313,
  Migration20261202090000,
  Migration20261201184500,
);
