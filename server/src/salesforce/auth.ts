/**
 * Connecting to the org: the OAuth 2.0 JWT bearer flow (RS256 signed here with node:crypto;
 * jsforce does not sign), or a plain instance URL + access token. With JWT, a `refreshFn` re-runs
 * the grant when a call gets 401, since the JWT flow has no refresh token.
 */
import { createSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Connection } from 'jsforce';
import type { SalesforceAuthConfig } from '../config/env';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const b64url = (input: string | Buffer) => Buffer.from(input).toString('base64url');

/** A signed JWT bearer assertion (iss = client id, sub = username, aud = login URL, exp ≤ 3 min). */
export function signJwtAssertion(opts: {
  clientId: string;
  username: string;
  audience: string;
  privateKeyPem: string;
  now?: number;
}): string {
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ iss: opts.clientId, sub: opts.username, aud: opts.audience, exp: now + 180 }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${b64url(signer.sign(opts.privateKeyPem))}`;
}

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

interface TokenResponse {
  access_token: string;
  instance_url: string;
}

/** Opens a jsforce Connection for the configured flow (the JWT grant is performed now). */
export async function connect(auth: SalesforceAuthConfig): Promise<Connection> {
  if (auth.kind === 'token') {
    return new Connection({
      instanceUrl: auth.instanceUrl,
      accessToken: auth.accessToken,
      version: auth.apiVersion,
    });
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(auth.privateKeyFile, 'utf8');
  } catch (err) {
    throw new AuthError(
      `SF_PRIVATE_KEY_FILE: cannot read '${auth.privateKeyFile}' (${(err as NodeJS.ErrnoException).code ?? 'error'}); point it at the PEM private key of the connected app's certificate.`,
    );
  }
  const conn: Connection = new Connection({
    loginUrl: auth.loginUrl,
    version: auth.apiVersion,
    refreshFn: (c, callback) => {
      grant(c)
        .then((token) => callback(null, token.access_token, token as never))
        .catch((err: Error) => callback(err));
    },
  });
  const grant = async (c: Connection): Promise<TokenResponse> => {
    let assertion: string;
    try {
      assertion = signJwtAssertion({
        clientId: auth.clientId,
        username: auth.username,
        audience: auth.loginUrl,
        privateKeyPem,
      });
    } catch (err) {
      throw new AuthError(
        `SF_PRIVATE_KEY_FILE: '${auth.privateKeyFile}' is not a usable RSA private key (${(err as Error).message}).`,
      );
    }
    try {
      const res = (await c.oauth2.requestToken({
        grant_type: JWT_GRANT,
        assertion,
      })) as unknown as TokenResponse;
      c.instanceUrl = res.instance_url;
      c.accessToken = res.access_token;
      return res;
    } catch (err) {
      throw new AuthError(
        `JWT bearer login to ${auth.loginUrl} as ${auth.username} failed: ${(err as Error).message}. ` +
          'Check SF_CLIENT_ID, SF_USERNAME, that the user is pre-authorized for the connected app, and that the certificate matches SF_PRIVATE_KEY_FILE.',
      );
    }
  };
  await grant(conn);
  return conn;
}
