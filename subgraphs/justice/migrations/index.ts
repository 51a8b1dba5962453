import { migrationList } from '@jiefen/database';
import { Migration20261128165212 } from './Migration20261128165212.js';
import { Migration20261128173409 } from './Migration20261128173409.js';
import { Migration20261128175658 } from './Migration20261128175658.js';
import { Migration20261128184110 } from './Migration20261128184110.js';
import { Migration20261201114721 } from './Migration20261201114721.js';
import { Migration20261201122240 } from './Migration20261201122240.js';
import { Migration20261201143536 } from './Migration20261201143536.js';
import { Migration20261201144233 } from './Migration20261201144233.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201184500 } from './Migration20261201184500.js';
import { Migration20261201233000 } from './Migration20261201233000.js';

/** Committed migrations, oldest first (regenerate with `npm run migration:create -- justice`). */
export const migrations = migrationList(
  Migration20261128165212,
  Migration20261128173409,
  Migration20261128175658,
  Migration20261128184110,
  Migration20261201114721,
  Migration20261201122240,
  Migration20261201143536,
  Migration20261201144233,
  Migration20261201150000,
  Migration20261201160000,
  Migration20261201184500,
  Migration20261201233000,
);
