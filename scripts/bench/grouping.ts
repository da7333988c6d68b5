/**
 * Bench section `grouping`: theme grouping of 50,000 unthemed requests (English and Chinese
 * texts from the labelled sets, varied per request, over 5,000 accounts and 40 open themes
 * with labelled examples), its wall and cpu time and memory; then the same 50,000 in an org
 * holding 1,000,000 requests (950,000 of them already themed, over 400 themes), to show that
 * grouping's memory follows the unthemed requests, not the org; then 250,000 unthemed in an org
 * of 1,000,000 (the demo org's share of unthemed requests at that size): a backlog beyond what a
 * run groups (GROUPING.maxFree), to show that a run's memory stays bounded; then the quality figures of `npm run eval:grouping` (pairwise and B-cubed,
 * against the TF-IDF baseline).
 * `-- --quick` groups 10,000 unthemed requests in an org of 200,000 (and skips the 250,000).
 *
 * Each org size runs in its own child process, so each peak memory figure is its own.
 */
import { spawnSync } from 'node:child_process';
import { Prng } from '../../server/emulator/seed/prng';
import {
  GROUPING,
  groupThemes,
  type RequestRecord,
  type ThemeRecord,
} from '../../server/src/domain';
import { evaluateGrouping } from '../../server/test/fixtures/grouping/evaluate';
import { line, sets, PREVIOUS } from '../eval-grouping';

const quick = process.argv.includes('--quick');
const UNTHEMED = quick ? 10_000 : 50_000;
const LARGE_ORG = quick ? 200_000 : 1_000_000;
/** The demo org's share of unthemed requests (25%) at 1,000,000 requests. */
const MANY_UNTHEMED = 250_000;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** One org: `themeCount` open themes, `themed` requests in them, `unthemed` without a theme. */
function scenario(themeCount: number, themed: number, unthemed: number): void {
  const prng = new Prng(18);
  const random = (): number => prng.next();
  // The texts the bench was first measured with: the blind set only adds quality figures below.
  const templates = sets()
    .filter((s) => !s.name.startsWith('blind'))
    .flatMap((s) => s.fixture.requests);
  const extras = [
    'urgently',
    'for the EU team',
    'before renewal',
    '尽快',
    '下季度',
    'for 200 users',
    'in the mobile app',
    '销售团队',
  ];
  const themes: ThemeRecord[] = [];
  const requests: RequestRecord[] = [];
  for (let t = 0; t < themeCount; t++) {
    const tpl = templates[(t * 37) % templates.length];
    themes.push({ Id: `BT${String(t).padStart(4, '0')}`, Name: tpl.Name ?? '', Status__c: 'Open' });
  }
  for (let k = 0; k < themed; k++) {
    const t = k % themeCount;
    const ex = templates[(t * 37 + Math.floor(k / themeCount)) % templates.length];
    requests.push({
      Id: `BL${String(k).padStart(7, '0')}`,
      Account__c: `BA${k % 5000}`,
      Name: ex.Name,
      Description__c: ex.Description__c,
      Theme__c: themes[t].Id,
    });
  }
  for (let i = 0; i < unthemed; i++) {
    const tpl = templates[Math.floor(random() * templates.length)];
    const extra = extras[Math.floor(random() * extras.length)];
    requests.push({
      Id: `BR${String(i).padStart(7, '0')}`,
      Account__c: `BA${Math.floor(random() * 5000)}`,
      Name: `${tpl.Name ?? ''} ${extra}`,
      Description__c: tpl.Description__c ?? null,
      Theme__c: null,
    });
  }
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = groupThemes({ requests, themes });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const heapAfter = process.memoryUsage().heapUsed;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `grouping ${unthemed.toLocaleString('en-US')} unthemed requests in an org of ${requests.length.toLocaleString('en-US')} (${themed.toLocaleString('en-US')} themed, ${themeCount} themes): ` +
      `${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu (target well under 60 s); ` +
      `${result.attachments.size} attached, ${result.suggestions.length} suggested themes, largest ${Math.max(0, ...result.suggestions.map((s) => s.requestIds.length))} requests` +
      (result.deferred > 0
        ? `; ${result.deferred.toLocaleString('en-US')} of the oldest wait for later runs (a run groups at most ${GROUPING.maxFree.toLocaleString('en-US')})`
        : ''),
  );
  console.log(
    `   memory: the org's requests in memory ${mb(rssBefore)} RSS; grouping peak RSS ${mb(peak)} (+${mb(peak - rssBefore)} over the input, ${((peak - rssBefore) / (unthemed - result.deferred) / 1024).toFixed(1)} KB per request grouped, includes the dictionary and jieba, loaded once); heap ${mb(heapAfter - heapBefore)} more after grouping`,
  );
}

function main(): void {
  const at = process.argv.indexOf('--scenario');
  if (at >= 0) {
    const [themeCount, themed, unthemed] = (process.argv[at + 1] ?? '').split(':').map(Number);
    scenario(themeCount, themed, unthemed);
    return;
  }
  const tsx = require.resolve('tsx/cli');
  const orgs = [`40:400:${UNTHEMED}`, `400:${LARGE_ORG - UNTHEMED}:${UNTHEMED}`];
  if (!quick) orgs.push(`400:${LARGE_ORG - MANY_UNTHEMED}:${MANY_UNTHEMED}`);
  for (const org of orgs) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', tsx, __filename, '--scenario', org, ...(quick ? ['--quick'] : [])],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error(`grouping bench scenario ${org} failed`);
  }
  for (const s of sets()) {
    console.log(line(s.name, evaluateGrouping(s.fixture), s.fixture));
    if (s.name.startsWith('Banking77'))
      console.log(
        line('   previous operating point', evaluateGrouping(s.fixture, PREVIOUS), s.fixture),
      );
  }
}

main();
