/**
 * Bench section `grouping`: theme grouping of 50,000 unthemed requests (English and Chinese
 * texts from the labelled sets, varied per request, over 5,000 accounts and 40 open themes
 * with labelled examples), its wall and cpu time and memory; then the quality figures of
 * `npm run eval:grouping` (pairwise and B-cubed, against the TF-IDF baseline).
 * `-- --quick` groups 10,000 instead.
 */
import { groupThemes, type RequestRecord, type ThemeRecord } from '../../server/src/domain';
import { evaluateGrouping } from '../../server/test/fixtures/grouping/evaluate';
import { line, sets, PREVIOUS } from '../eval-grouping';

const quick = process.argv.includes('--quick');
const N = quick ? 10_000 : 50_000;

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const random = rng(18);
  const templates = sets().flatMap((s) => s.fixture.requests);
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
  for (let t = 0; t < 40; t++) {
    const tpl = templates[(t * 37) % templates.length];
    themes.push({ Id: `BT${String(t).padStart(4, '0')}`, Name: tpl.Name ?? '', Status__c: 'Open' });
    for (let k = 0; k < 10; k++) {
      const ex = templates[(t * 37 + k) % templates.length];
      requests.push({
        Id: `BL${t}-${k}`,
        Account__c: `BA${k}`,
        Name: ex.Name,
        Description__c: ex.Description__c,
        Theme__c: themes[t].Id,
      });
    }
  }
  for (let i = 0; i < N; i++) {
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = groupThemes({ requests, themes });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `grouping ${N.toLocaleString('en-US')} unthemed requests (+400 labelled, 40 themes): ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu (target well under 60 s); ` +
      `${result.attachments.size} attached, ${result.suggestions.length} suggested themes, largest ${Math.max(0, ...result.suggestions.map((s) => s.requestIds.length))} requests`,
  );
  console.log(
    `memory: heap ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB more after grouping, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes the dictionary and jieba, loaded once)`,
  );
  for (const s of sets()) {
    console.log(line(s.name, evaluateGrouping(s.fixture), s.fixture));
    if (s.name.startsWith('Banking77'))
      console.log(
        line('   previous operating point', evaluateGrouping(s.fixture, PREVIOUS), s.fixture),
      );
  }
}

main();
