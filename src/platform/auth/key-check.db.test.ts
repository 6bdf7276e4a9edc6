import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../testing/database.ts';
import { createMunicipality, createUser } from '../../testing/factories.ts';
import type { Db } from '../db/database.ts';
import { StartupError } from '../startup-error.ts';
import { assertKeyOpensStoredSecrets } from './key-check.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

describe('the secret key at start', () => {
  it('passes on a database without second-factor secrets, and with the key they were sealed with', async () => {
    const key = randomBytes(32);
    await assertKeyOpensStoredSecrets(db.db, key);
    const municipalityId = await createMunicipality(db.db);
    await createUser(db.db, key, { municipalityId, role: 'socialWorker' });
    await assertKeyOpensStoredSecrets(db.db, key);
  });

  it('stops the start when the key cannot open the stored secrets (every code login would fail)', async () => {
    await assert.rejects(
      assertKeyOpensStoredSecrets(db.db, randomBytes(32)),
      (error: Error) =>
        error instanceof StartupError && /not the one the stored second-factor/.test(error.message),
    );
  });
});
