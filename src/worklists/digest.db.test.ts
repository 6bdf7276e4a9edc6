import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { sendReminderDigests } from './digest.ts';

/** A tiny SMTP server that accepts every message and keeps it: a real capture, not a mock. */
function smtpCapture(): Promise<{
  server: Server;
  port: number;
  messages: { to: string[]; data: string }[];
}> {
  const messages: { to: string[]; data: string }[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    socket.write('220 capture ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push({ to, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          to = [];
          socket.write('250 queued\r\n');
          continue;
        }
        const line = buffer.indexOf('\r\n');
        if (line < 0) return;
        const command = buffer.slice(0, line);
        buffer = buffer.slice(line + 2);
        const verb = command.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 capture\r\n');
        else if (verb === 'RCPT') {
          to.push(/<([^>]+)>/.exec(command)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, messages });
    }),
  );
}

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('the reminder e-mail digest', () => {
  it('tells each user how many deadlines are due, with a link and no personal data', async () => {
    const capture = await smtpCapture();
    try {
      const db = t.db.db;
      const municipalityId = await createMunicipality(db);
      const unit = await createUnit(db, municipalityId, 'investigation');
      const worker = await createUser(db, t.config.secretKey, {
        municipalityId,
        role: 'socialWorker',
        unitId: unit,
      });
      const idle = await createUser(db, t.config.secretKey, {
        municipalityId,
        role: 'socialWorker',
        unitId: unit,
      });
      await db
        .updateTable('user_account')
        .set({ email: 'sam@example.org' })
        .where('id', '=', worker.id)
        .execute();
      await db
        .updateTable('user_account')
        .set({ email: 'idle@example.org' })
        .where('id', '=', idle.id)
        .execute();
      const child = await createPerson(db, municipalityId, { givenName: 'Hemlig', familyName: 'Barnsson' });
      await db
        .insertInto('child_case')
        .values({
          municipality_id: municipalityId,
          child_id: child.id,
          unit_id: unit,
          phase: 'investigation',
          opened_on: '2026-01-02',
          initial_decision: 'openInvestigation',
          initial_decided_on: '2026-01-10',
          investigation_opened_on: '2026-01-10',
          responsible_user_id: worker.id,
        })
        .execute();
      const result = await sendReminderDigests(
        db,
        {
          smtp: { url: `smtp://127.0.0.1:${capture.port}`, from: 'samtak@sjovik.example' },
          publicUrl: 'https://samtak.sjovik.example',
        },
        '2026-05-09',
      );
      const mine = capture.messages.filter((m) => m.to.includes('sam@example.org'));
      assert.equal(mine.length, 1);
      assert.equal(result.sent >= 1, true);
      assert.equal(
        capture.messages.some((m) => m.to.includes('idle@example.org')),
        false,
        'nothing due, no mail',
      );
      // Quoted-printable, decoded: soft line breaks out, =XX bytes back to UTF-8.
      const body = decodeURIComponent(mine[0]!.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
      assert.match(body, /Subject: Samtak: tidsfrister att bevaka/);
      assert.match(
        body,
        /0 passerade tidsfrister och 1 som l=C3=B6per ut|0 passerade tidsfrister och 1 som löper ut/,
      );
      assert.match(body, /https:\/\/samtak\.sjovik\.example\/worklist/);
      assert.doesNotMatch(body, /Hemlig|Barnsson|[0-9]{8}-?[0-9]{4}/);
    } finally {
      capture.server.close();
    }
  });

  it('skips the users of a deactivated municipality', async () => {
    const capture = await smtpCapture();
    try {
      const db = t.db.db;
      const mailed: string[] = [];
      for (const [email, active] of [
        ['open@example.org', true],
        ['closed@example.org', false],
      ] as const) {
        const municipalityId = await createMunicipality(db);
        const unit = await createUnit(db, municipalityId, 'investigation');
        const worker = await createUser(db, t.config.secretKey, {
          municipalityId,
          role: 'socialWorker',
          unitId: unit,
        });
        await db.updateTable('user_account').set({ email }).where('id', '=', worker.id).execute();
        const child = await createPerson(db, municipalityId);
        await db
          .insertInto('child_case')
          .values({
            municipality_id: municipalityId,
            child_id: child.id,
            unit_id: unit,
            phase: 'investigation',
            opened_on: '2026-01-02',
            initial_decision: 'openInvestigation',
            initial_decided_on: '2026-01-10',
            investigation_opened_on: '2026-01-10',
            responsible_user_id: worker.id,
          })
          .execute();
        if (!active)
          await db
            .updateTable('municipality')
            .set({ active: false, deactivated_at: new Date() })
            .where('id', '=', municipalityId)
            .execute();
        mailed.push(email);
      }
      await sendReminderDigests(
        db,
        {
          smtp: { url: `smtp://127.0.0.1:${capture.port}`, from: 'samtak@x.example' },
          publicUrl: 'http://x',
        },
        '2026-05-09',
      );
      assert.equal(capture.messages.filter((m) => m.to.includes('open@example.org')).length, 1);
      assert.equal(
        capture.messages.some((m) => m.to.includes('closed@example.org')),
        false,
        'a deactivated municipality gets no digest',
      );
      assert.equal(mailed.length, 2);
    } finally {
      capture.server.close();
    }
  });

  it('sends nothing without SMTP configured', async () => {
    assert.deepEqual(
      await sendReminderDigests(t.db.db, { smtp: undefined, publicUrl: 'http://x' }, '2026-05-12'),
      { sent: 0 },
    );
  });
});
