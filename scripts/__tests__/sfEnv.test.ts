import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { settingsFromOrgDisplay, updateEnvText } from '../sf-env';

// The shape `sf org display --json` prints (values made up).
const DISPLAY = JSON.stringify({
  status: 0,
  result: {
    id: '00D000000000001EAA',
    apiVersion: '62.0',
    accessToken: '00D000000000001!AQ4AQFakeSessionToken',
    instanceUrl: 'https://quorum-dev-ed.develop.my.salesforce.com/',
    username: 'test-abc@example.com',
    clientId: 'PlatformCLI',
    connectedStatus: 'Connected',
    alias: 'quorum',
  },
  warnings: ['This command will expose sensitive information...'],
});

describe('env:from-sf (sf org display → .env)', () => {
  it('takes the instance URL, access token and API version', () => {
    expect(settingsFromOrgDisplay(DISPLAY)).toEqual({
      SF_INSTANCE_URL: 'https://quorum-dev-ed.develop.my.salesforce.com',
      SF_ACCESS_TOKEN: '00D000000000001!AQ4AQFakeSessionToken',
      SF_API_VERSION: '62.0',
    });
    expect(() =>
      settingsFromOrgDisplay(JSON.stringify({ status: 1, message: 'No authorization found' })),
    ).toThrow('sf reported an error: No authorization found');
    expect(() => settingsFromOrgDisplay('{"status":0,"result":{}}')).toThrow(/no instanceUrl/);
  });

  it('replaces keys in place and keeps every other line', () => {
    const before = '# mine\nSF_ACCESS_TOKEN=old\nPORT=3001\n';
    expect(updateEnvText(before, { SF_ACCESS_TOKEN: 'new', SF_INSTANCE_URL: 'https://x' })).toBe(
      '# mine\nSF_ACCESS_TOKEN=new\nPORT=3001\nSF_INSTANCE_URL=https://x\n',
    );
  });

  it(
    'writes .env (0600) from piped JSON, adds an API token once, and never prints the session',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'quorum-sfenv-'));
      try {
        const file = path.join(dir, '.env');
        writeFileSync(file, 'PORT=3001\n');
        const run = () =>
          spawnSync(
            process.execPath,
            [require.resolve('tsx/cli'), path.join(__dirname, '../sf-env.ts'), '--file', file],
            { input: DISPLAY, encoding: 'utf8' },
          );
        const first = run();
        expect(first.status).toBe(0);
        expect(first.stdout + first.stderr).not.toContain('FakeSessionToken');
        const text = readFileSync(file, 'utf8');
        expect(text).toMatch(
          /^PORT=3001\nSF_INSTANCE_URL=https:\/\/quorum-dev-ed\.develop\.my\.salesforce\.com\nSF_ACCESS_TOKEN=00D000000000001!AQ4AQFakeSessionToken\nSF_API_VERSION=62\.0\nQUORUM_API_TOKEN=[\w-]{32}\n$/,
        );
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const token = /QUORUM_API_TOKEN=(.*)/.exec(text)?.[1];
        expect(run().status).toBe(0);
        expect(/QUORUM_API_TOKEN=(.*)/.exec(readFileSync(file, 'utf8'))?.[1]).toBe(token);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000, // two tsx processes: about 1 s each alone, several seconds each under load
  );
});
