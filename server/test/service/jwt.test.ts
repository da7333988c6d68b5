import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, startEmulator, type RunningEmulator } from '../../../server/emulator';
import { connect } from '../../src/salesforce/auth';
import { silentLogger } from '../../src/log';
import { Org } from '../../src/salesforce/org';

describe('JWT bearer flow', () => {
  let emu: RunningEmulator;
  let keyFile: string;
  const clientId = 'test-connected-app';
  beforeAll(async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(path.join(tmpdir(), 'quorum-jwt-'));
    keyFile = path.join(dir, 'key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    emu = await startEmulator({
      port: 0,
      seed: 'demo',
      scale: 10,
      jwtPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      clientId,
    });
  });
  afterAll(async () => {
    await emu.close();
  });
  const auth = () => ({
    kind: 'jwt' as const,
    loginUrl: emu.url,
    clientId,
    username: DEMO_USERS.integration.Username,
    privateKeyFile: keyFile,
    apiVersion: '62.0',
  });

  it('signs in, and signs in again when the session expires (refreshFn on 401)', async () => {
    const conn = await connect(auth());
    expect(conn.instanceUrl).toBe(emu.url);
    const org = new Org(conn, { logger: silentLogger });
    const first = await org.call(
      'q',
      async () => await conn.query('SELECT Id FROM Account LIMIT 1'),
    );
    expect(first.records).toHaveLength(1);
    const tokenBefore = conn.accessToken;
    await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'invalidSession', route: '*', count: 1 }),
    });
    const second = await org.call(
      'q',
      async () => await conn.query('SELECT Id FROM Account LIMIT 1'),
    );
    expect(second.records).toHaveLength(1);
    expect(conn.accessToken).not.toBe(tokenBefore);
  });

  it('explains a bad key file or a wrong user', async () => {
    await expect(connect({ ...auth(), privateKeyFile: '/nonexistent/key.pem' })).rejects.toThrow(
      /SF_PRIVATE_KEY_FILE: cannot read/,
    );
    await expect(connect({ ...auth(), username: 'nobody@example.com' })).rejects.toThrow(
      /JWT bearer login .* failed.*SF_USERNAME/,
    );
  });
});
