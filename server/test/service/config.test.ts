import { authConfig, ConfigError, loadEnv } from '../../src/config/env';
import { createLogger } from '../../src/log';
import { Writable } from 'node:stream';
import { escapeSoqlString, literal, datetimeLiteral, idLiteral } from '../../src/salesforce/soql';

const base = {
  QUORUM_API_TOKEN: 'a-long-enough-secret-token',
  SF_INSTANCE_URL: 'https://example.my.salesforce.com',
  SF_ACCESS_TOKEN: '00Dxx!secret',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('accepts the token flow with defaults', () => {
    const env = loadEnv(base);
    expect(env.SF_API_VERSION).toBe('62.0');
    expect(env.PORT).toBe(3000);
    expect(authConfig(env)).toEqual({
      kind: 'token',
      instanceUrl: 'https://example.my.salesforce.com',
      accessToken: '00Dxx!secret',
      apiVersion: '62.0',
    });
  });

  it('accepts the JWT flow and strips a trailing slash', () => {
    const env = loadEnv({
      QUORUM_API_TOKEN: base.QUORUM_API_TOKEN,
      SF_LOGIN_URL: 'https://login.salesforce.com/',
      SF_CLIENT_ID: 'cid',
      SF_USERNAME: 'u@x.com',
      SF_PRIVATE_KEY_FILE: '/k.pem',
    });
    expect(authConfig(env)).toMatchObject({
      kind: 'jwt',
      loginUrl: 'https://login.salesforce.com',
      clientId: 'cid',
    });
  });

  it.each([
    [{ SF_API_VERSION: 'v62.0' }, 'SF_API_VERSION'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ QUORUM_API_TOKEN: 'short' }, 'QUORUM_API_TOKEN'],
    [{ QUORUM_SCHEDULE: 'every tuesday' }, 'QUORUM_SCHEDULE'],
    [{ QUORUM_POLL_INTERVAL_MS: '-5' }, 'QUORUM_POLL_INTERVAL_MS'],
    [{ QUORUM_BULK_THRESHOLD: '10' }, 'QUORUM_BULK_THRESHOLD'],
    [{ QUORUM_RUN_API_BUDGET: 'lots' }, 'QUORUM_RUN_API_BUDGET'],
    [{ QUORUM_API_RESERVE: '1.5' }, 'QUORUM_API_RESERVE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SF_INSTANCE_URL: 'not a url' }, 'SF_INSTANCE_URL'],
  ])('names the bad variable: %p', (override, name) => {
    const list = problems({ ...base, ...override });
    expect(list.some((p) => p.startsWith(`${name} `))).toBe(true);
  });

  it('names the missing token and the missing JWT variables', () => {
    expect(problems({ ...base, QUORUM_API_TOKEN: undefined })[0]).toMatch(
      /^QUORUM_API_TOKEN is required/,
    );
    const jwt = problems({
      QUORUM_API_TOKEN: base.QUORUM_API_TOKEN,
      SF_LOGIN_URL: 'https://login.salesforce.com',
      SF_CLIENT_ID: 'x',
    });
    expect(jwt.map((p) => p.split(' ')[0]).sort()).toEqual(['SF_PRIVATE_KEY_FILE', 'SF_USERNAME']);
    const token = problems({
      QUORUM_API_TOKEN: base.QUORUM_API_TOKEN,
      SF_INSTANCE_URL: 'https://x.my.salesforce.com',
    });
    expect(token.map((p) => p.split(' ')[0])).toEqual(['SF_ACCESS_TOKEN']);
  });

  it('names every problem at once, the connection variables too, when another variable is bad', () => {
    const names = problems({ PORT: 'eighty', SF_INSTANCE_URL: 'https://x.my.salesforce.com' }).map(
      (p) => p.split(' ')[0],
    );
    expect(names.sort()).toEqual(['PORT', 'QUORUM_API_TOKEN', 'SF_ACCESS_TOKEN']);
    const empty = problems({}).map((p) => p.split(' ')[0]);
    expect(empty).toEqual([
      'QUORUM_API_TOKEN',
      'SF_LOGIN_URL',
      'SF_CLIENT_ID',
      'SF_USERNAME',
      'SF_PRIVATE_KEY_FILE',
    ]);
  });

  it('never echoes secret values in its message', () => {
    try {
      loadEnv({ ...base, QUORUM_API_TOKEN: 'tiny', PORT: 'x' });
    } catch (err) {
      expect((err as Error).message).not.toContain('00Dxx!secret');
      expect((err as Error).message).not.toContain('tiny');
    }
  });
});

describe('logger', () => {
  it('redacts tokens, authorization headers and assertions', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        accessToken: 'SECRET1',
        headers: { authorization: 'Bearer SECRET2' },
        auth: { assertion: 'SECRET3' },
        QUORUM_API_TOKEN: 'SECRET4',
      },
      'hello',
    );
    expect(out).toContain('hello');
    for (const s of ['SECRET1', 'SECRET2', 'SECRET3', 'SECRET4']) expect(out).not.toContain(s);
  });
});

describe('SOQL literals', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(escapeSoqlString(`O'Brien \\ "x"\n`)).toBe(`O\\'Brien \\\\ \\"x\\"\\n`);
    expect(literal(`' OR Name != '`)).toBe(`'\\' OR Name != \\''`);
    expect(literal(3)).toBe('3');
    expect(literal(null)).toBe('null');
  });
  it('rejects non-ids and non-datetimes', () => {
    expect(() => idLiteral("001' OR Id != '")).toThrow(/not a Salesforce record Id/);
    expect(() => datetimeLiteral('yesterday')).toThrow(/ISO-8601/);
    expect(datetimeLiteral('2026-01-02T03:04:05.000Z')).toBe('2026-01-02T03:04:05.000Z');
  });
});
