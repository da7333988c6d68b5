/** OAuth token endpoint: JWT bearer (RS256) and client credentials, through jsforce.authorize. */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Connection } from 'jsforce';
import { DEMO_USERS, type RunningEmulator } from '../../emulator';
import { api, http, start } from './helpers';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const CLIENT_ID = '3MVG9-test-client';

function jwt(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  const sig = createSign('RSA-SHA256').update(head).sign(key).toString('base64url');
  return `${head}.${sig}`;
}

let emu: RunningEmulator;
const claims = () => ({
  iss: CLIENT_ID,
  sub: DEMO_USERS.integration.Username,
  aud: 'https://login.salesforce.com',
  exp: Math.floor(Date.now() / 1000) + 180,
});

beforeAll(async () => {
  ({ emu } = await start({
    seed: 'empty',
    jwtPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    clientId: CLIENT_ID,
    clientSecret: 'shh-secret',
  }));
});
afterAll(() => emu.close());

function login(): Connection {
  return new Connection({ loginUrl: emu.url, version: '62.0' });
}

describe('JWT bearer grant', () => {
  it('issues a session that jsforce then uses', async () => {
    const conn = login();
    const info = await conn.authorize({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jwt(claims()),
    });
    expect(conn.instanceUrl).toBe(emu.url);
    expect(conn.accessToken).toMatch(/^00D\w+!/);
    const integration = emu.store
      .records('User')
      .find((u) => u.Username === DEMO_USERS.integration.Username)!;
    expect(info.id).toBe(integration.Id);
    const result = await conn.query('SELECT Id, Username FROM User');
    expect(result.totalSize).toBeGreaterThanOrEqual(2);
  });

  it('accepts the emulator URL as audience', async () => {
    const conn = login();
    await conn.authorize({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jwt({ ...claims(), aud: emu.url }),
    });
    expect(conn.accessToken).toBeTruthy();
  });

  const token = (assertion: string) =>
    http(emu.url, '/services/oauth2/token', {
      method: 'POST',
      token: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
    });

  it.each([
    [
      'a bad signature',
      () => jwt(claims(), other.privateKey),
      'invalid_grant',
      'invalid assertion',
    ],
    [
      'a wrong audience',
      () => jwt({ ...claims(), aud: 'https://evil.example.com' }),
      'invalid_grant',
      'audience is invalid',
    ],
    [
      'an expired token',
      () => jwt({ ...claims(), exp: Math.floor(Date.now() / 1000) - 10 }),
      'invalid_grant',
      'expired authorization code',
    ],
    [
      'a wrong client id',
      () => jwt({ ...claims(), iss: 'someone-else' }),
      'invalid_client_id',
      'client identifier invalid',
    ],
    [
      'an unknown user',
      () => jwt({ ...claims(), sub: 'nobody@example.com' }),
      'invalid_grant',
      "user hasn't approved this consumer",
    ],
    ['garbage', () => 'not-a-jwt', 'invalid_grant', 'invalid assertion'],
  ])('rejects %s with the OAuth error shape', async (_name, make, error, description) => {
    const res = await token(make());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error, error_description: description });
  });

  it('jsforce surfaces the rejection', async () => {
    await expect(
      login().authorize({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: jwt(claims(), other.privateKey),
      }),
    ).rejects.toThrow(/invalid assertion/);
  });
});

describe('client credentials', () => {
  it('issues a token for the right secret and refuses a wrong one', async () => {
    const form = (secret: string) =>
      http(emu.url, '/services/oauth2/token', {
        method: 'POST',
        token: null,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          client_secret: secret,
        }).toString(),
      });
    const ok = await form('shh-secret');
    expect(ok.status).toBe(200);
    const body = ok.body as Record<string, string>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining([
        'access_token',
        'instance_url',
        'id',
        'token_type',
        'issued_at',
        'signature',
      ]),
    );
    expect(body.id).toMatch(/\/id\/00D\w{15}\/005\w{15}$/);
    const limits = await http(emu.url, api('limits'), { token: body.access_token });
    expect(limits.status).toBe(200);
    const bad = await form('wrong');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
  });
});
