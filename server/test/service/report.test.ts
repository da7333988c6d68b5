/** The PM report's wording: growth marks and one account's voice in plain words. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatReport, growth, voiceInWords, type ExplainedVoice } from '../../src/jobs/report';

describe('growth', () => {
  it('marks rising, falling, new and unknown demand', () => {
    expect(growth({ score: 5, change90d: 1.25, accountChange90d: 1 })).toBe('▲ +1.25');
    expect(growth({ score: 5, change90d: -0.5, accountChange90d: 0 })).toBe('▼ −0.50');
    expect(growth({ score: 2, change90d: 2, accountChange90d: 2 })).toBe('new');
    expect(growth({ score: 2, change90d: 0, accountChange90d: 0 })).toBe('=');
    expect(growth({ score: 2, change90d: null, accountChange90d: null })).toBe('—');
  });
});

describe('voiceInWords', () => {
  const voice: ExplainedVoice = {
    name: 'Bank One',
    voice: 3,
    urgency: 'High',
    urgencyWeight: 1.5,
    source: 'Support',
    sourceWeight: 1.25,
    side: 'Decision',
    role: 'End User',
    veto: true,
    sideWeight: 1.5,
    influence: 'High',
    influenceWeight: 1.2,
    workaround: 'Partner Can Deliver',
    workaroundWeight: 0.75,
    blocker: 1.5,
    ageDays: 300,
    decay: 0.7522,
    weight: 2.8559,
    revenue: 250000,
    revenueFactor: 1.2719,
    capped: true,
    requests: 2,
  };
  it('names every factor, the product and the cap', () => {
    const text = voiceInWords(voice, 3);
    for (const part of [
      'High urgency ×1.5',
      'from Support ×1.25',
      'Decision side (End User, holds a veto) ×1.5',
      'High influence ×1.2',
      'workaround: Partner Can Deliver ×0.75',
      'deal blocker ×1.5',
      'last asked 300 days ago ×0.75',
      '$250k at stake ×1.27',
      '= 3.63, capped at 3',
      'strongest of 2 requests',
    ])
      expect(text).toContain(part);
  });
  it('leaves out a blocker that does not apply and says when nothing is at stake', () => {
    const text = voiceInWords(
      {
        ...voice,
        blocker: 1,
        revenue: 0,
        revenueFactor: 1,
        capped: false,
        voice: 1.5,
        requests: 1,
      },
      3,
    );
    expect(text).not.toContain('deal blocker');
    expect(text).toContain('no revenue at stake ×1');
    expect(text).toMatch(/= 1\.50$/);
  });
});

describe('formatReport', () => {
  it('sends sales ops to the tab where segment rules are fixed, by its label in the app', () => {
    const tab = readFileSync(
      path.join(__dirname, '../../../force-app/main/default/tabs/Quorum_Segments.tab-meta.xml'),
      'utf8',
    );
    const label = /<label>([^<]+)<\/label>/.exec(tab)?.[1];
    const text = formatReport({
      profileName: null,
      segments: [],
      explanation: null,
      invalid: [{ name: 'Tech scale-ups', message: 'Filter logic: unexpected end' }],
      suggested: [],
    });
    expect(text).toContain(`fix their rules in the ${label} tab`);
    expect(text).toContain('✗ Tech scale-ups: Filter logic: unexpected end');
  });
});
