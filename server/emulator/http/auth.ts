/**
 * OAuth 2.0 token endpoint: the JWT bearer grant (RS256 assertion verified against the
 * configured public key or certificate) and client credentials. Errors use the OAuth shape
 * Salesforce returns: `{"error": "...", "error_description": "..."}`.
 */
import { createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import type { Emulator } from '../emulator';
import { ORG_ID } from '../emulator';
import type { Row } from '../store/table';

export const LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

const oauthError = (status: number, error: string, description: string): TokenResult => ({
  status,
  body: { error, error_description: description },
});

function b64urlJson(part: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

let cachedPem: string | null = null;
let cachedKey: KeyObject | null = null;
function publicKey(pem: string): KeyObject {
  if (cachedPem !== pem) {
    cachedKey = createPublicKey(pem);
    cachedPem = pem;
  }
  return cachedKey!;
}

function activeUser(emu: Emulator, username: string): Row | undefined {
  const users = emu.store.tables.get('User')!;
  const field = users.def.fieldMap.get('username')!;
  const row = users.findUnique(field, username);
  return row && !row.IsDeleted && row.IsActive !== false ? row : undefined;
}

export function issueToken(emu: Emulator, userId: string): TokenResult {
  const token = `${ORG_ID}!${randomBytes(24).toString('base64url')}`;
  emu.tokens.add(token);
  const issuedAt = String(emu.store.clock());
  return {
    status: 200,
    body: {
      access_token: token,
      instance_url: emu.url,
      id: `${emu.url}/id/${ORG_ID}/${userId}`,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: randomBytes(32).toString('base64'),
      scope: 'api',
    },
  };
}

function jwtBearer(emu: Emulator, assertion: string | null): TokenResult {
  if (!emu.opts.jwtPublicKeyPem)
    return oauthError(
      400,
      'invalid_grant',
      'JWT bearer flow is not configured on this emulator (start it with jwtPublicKeyPem)',
    );
  const parts = (assertion ?? '').split('.');
  if (parts.length !== 3) return oauthError(400, 'invalid_grant', 'invalid assertion');
  const header = b64urlJson(parts[0]);
  const claims = b64urlJson(parts[1]);
  if (!header || !claims || header.alg !== 'RS256')
    return oauthError(400, 'invalid_grant', 'invalid assertion');
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${parts[0]}.${parts[1]}`);
  let valid = false;
  try {
    valid = verifier.verify(
      publicKey(emu.opts.jwtPublicKeyPem),
      Buffer.from(parts[2], 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return oauthError(400, 'invalid_grant', 'invalid assertion');
  if (emu.opts.clientId && claims.iss !== emu.opts.clientId)
    return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  const audiences = [...LOGIN_AUDIENCES, emu.url, `${emu.url}/`];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a)))
    return oauthError(400, 'invalid_grant', 'audience is invalid');
  const nowSec = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp < nowSec)
    return oauthError(400, 'invalid_grant', 'expired authorization code');
  const user = typeof claims.sub === 'string' ? activeUser(emu, claims.sub) : undefined;
  if (!user) return oauthError(400, 'invalid_grant', "user hasn't approved this consumer");
  return issueToken(emu, user.Id as string);
}

function clientCredentials(emu: Emulator, params: URLSearchParams): TokenResult {
  const id = params.get('client_id');
  const secret = params.get('client_secret');
  if (!emu.opts.clientId || id !== emu.opts.clientId)
    return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  if (!emu.opts.clientSecret || secret !== emu.opts.clientSecret)
    return oauthError(400, 'invalid_client', 'invalid client credentials');
  return issueToken(emu, emu.store.userId);
}

export function tokenEndpoint(emu: Emulator, params: URLSearchParams): TokenResult {
  const grant = params.get('grant_type');
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer')
    return jwtBearer(emu, params.get('assertion'));
  if (grant === 'client_credentials') return clientCredentials(emu, params);
  return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
}

/** Whether a request's bearer token is a live session. */
export function authorized(emu: Emulator, authorization: string | undefined): string | null {
  const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '');
  if (!m) return null;
  const token = m[1].trim();
  if (emu.opts.accessToken && token === emu.opts.accessToken) return token;
  return emu.tokens.has(token) ? token : null;
}
