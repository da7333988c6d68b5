/**
 * The heartbeat's cadence (jobs/heartbeat.ts) on a fake clock: when beats go and what they
 * carry. The runner's beats against the org (renewals through jsforce, the lease kept over a
 * slow run, phases on the run record) are in server/test/reliability/heartbeat.test.ts.
 */
import { beatCadence, beatsAtMost, Heartbeat, PHASE_SPACING_MS } from '../../src/jobs/heartbeat';

interface Sent {
  at: number;
  phase: string;
  percent: number;
}

function recorder(answers: ('ok' | 'failed' | 'stop')[] = []) {
  const sent: Sent[] = [];
  const send = async (phase: string, percent: number) => {
    sent.push({ at: Date.now(), phase, percent });
    return answers.shift() ?? 'ok';
  };
  return { sent, send };
}

describe('beat cadence', () => {
  it('renews at least four times per lease and never spaces phase beats wider than renewals', () => {
    expect(beatCadence(300_000)).toEqual({
      renewEveryMs: 75_000,
      phaseSpacingMs: PHASE_SPACING_MS,
    });
    // Asking for rarer renewals than a quarter of the lease gets a quarter.
    expect(beatCadence(300_000, { renewEveryMs: 200_000 }).renewEveryMs).toBe(75_000);
    expect(beatCadence(300_000, { renewEveryMs: 5_000 })).toEqual({
      renewEveryMs: 5_000,
      phaseSpacingMs: 5_000,
    });
    expect(beatCadence(2_000, { phaseSpacingMs: 300 })).toEqual({
      renewEveryMs: 500,
      phaseSpacingMs: 300,
    });
  });

  it('bounds the beats by lease quarters plus phase changes, and by the spacing', () => {
    const c = { renewEveryMs: 75_000, phaseSpacingMs: 30_000 };
    // The 1M bench's 759 s run: at most 10 renewals for the lease, plus one per phase change.
    expect(beatsAtMost(759_000, 0, c)).toBe(10);
    expect(beatsAtMost(759_000, 12, c)).toBe(22);
    // Many phases in a short run: the spacing bounds it.
    expect(beatsAtMost(60_000, 12, c)).toBe(2);
    expect(beatsAtMost(60_000, 12, { renewEveryMs: 1_000, phaseSpacingMs: 0 })).toBe(72);
  });
});

describe('heartbeat', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  const t0 = 1_000_000;
  const cadence = { renewEveryMs: 1_000, phaseSpacingMs: 300 };

  it('renews every renewEveryMs while the phase stays the same', async () => {
    const { sent, send } = recorder();
    const beat = new Heartbeat(send, cadence, t0);
    beat.update('Starting', 5);
    await jest.advanceTimersByTimeAsync(3_500);
    expect(sent.map((s) => s.at - t0)).toEqual([1_000, 2_000, 3_000]);
    expect(sent.every((s) => s.phase === 'Starting')).toBe(true);
    expect(sent.at(-1)?.percent).toBe(5);
    expect(await beat.stop()).toBe(3);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(3);
  });

  it('sends phases that change faster than the spacing in one beat, with the latest of them', async () => {
    const { sent, send } = recorder();
    const beat = new Heartbeat(send, cadence, t0);
    await jest.advanceTimersByTimeAsync(50);
    beat.update('Reading accounts', 10);
    beat.update('Reading accounts', 12); // rows: same phase, no beat of its own
    await jest.advanceTimersByTimeAsync(100);
    beat.update('Reading requests', 20);
    beat.update('Assigning segments', 62);
    await jest.advanceTimersByTimeAsync(1_200);
    // One beat at the spacing after the claim, carrying the phase the run was in by then; then
    // back to the lease's own cadence.
    expect(sent).toEqual([
      { at: t0 + 300, phase: 'Assigning segments', percent: 62 },
      { at: t0 + 1_300, phase: 'Assigning segments', percent: 62 },
    ]);
    await beat.stop();
  });

  it('waits the spacing after the previous beat, and a phase beat restarts the lease clock', async () => {
    const { sent, send } = recorder();
    const beat = new Heartbeat(send, cadence, t0);
    await jest.advanceTimersByTimeAsync(1_050); // the lease's beat at 1,000
    beat.update('Grouping themes', 66); // 50 ms after a beat: waits until 1,300
    await jest.advanceTimersByTimeAsync(1_300);
    beat.update('Stamping requests', 72); // at 2,350: 50 ms after the lease's beat at 2,300
    await jest.advanceTimersByTimeAsync(300);
    expect(sent.map((s) => [s.at - t0, s.phase])).toEqual([
      [1_000, 'Starting'],
      [1_300, 'Grouping themes'],
      [2_300, 'Grouping themes'],
      [2_600, 'Stamping requests'],
    ]);
    await beat.stop();
  });

  it('keeps a phase whose beat failed for the next beat, at the spacing', async () => {
    const { sent, send } = recorder(['failed']);
    const beat = new Heartbeat(send, cadence, t0);
    beat.update('Writing scores', 88);
    await jest.advanceTimersByTimeAsync(700);
    expect(sent.map((s) => [s.at - t0, s.phase])).toEqual([
      [300, 'Writing scores'],
      [600, 'Writing scores'],
    ]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent.map((s) => s.at - t0)).toEqual([300, 600, 1_600]);
    await beat.stop();
  });

  it('stops beating when a beat says the lease is lost', async () => {
    const { sent, send } = recorder(['stop']);
    const beat = new Heartbeat(send, cadence, t0);
    await jest.advanceTimersByTimeAsync(1_000);
    beat.update('Writing scores', 88);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(1);
    await beat.stop();
  });

  it('sends a phase that changed during a slow beat right after it, and stop waits for it', async () => {
    const sent: Sent[] = [];
    let release: () => void = () => undefined;
    const send = (phase: string, percent: number) => {
      sent.push({ at: Date.now(), phase, percent });
      return new Promise<'ok'>((resolve) => {
        release = () => resolve('ok');
      });
    };
    const beat = new Heartbeat(send, cadence, t0);
    await jest.advanceTimersByTimeAsync(1_000); // beat 1 sent, its answer slow
    beat.update('Computing scores', 75);
    await jest.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(1); // one beat at a time
    release();
    await jest.advanceTimersByTimeAsync(0);
    // Due 300 after the slow beat was sent, i.e. already: sent at once.
    expect(sent.map((s) => [s.at - t0, s.phase])).toEqual([
      [1_000, 'Starting'],
      [1_500, 'Computing scores'],
    ]);
    let stopped = false;
    const stopping = beat.stop().then((n) => {
      stopped = true;
      return n;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false); // the second beat is still on its way
    release();
    expect(await stopping).toBe(2);
  });

  it('settle sends a due beat before a stretch of computing, and only a due one', async () => {
    const { sent, send } = recorder();
    const beat = new Heartbeat(send, cadence, t0);
    beat.update('Assigning segments', 62);
    // The CPU is busy: the clock moves, no timer fires.
    jest.setSystemTime(t0 + 100);
    await beat.settle();
    expect(sent).toEqual([]); // not due: the claim is 100 ms old, under the spacing
    jest.setSystemTime(t0 + 700);
    await beat.settle();
    expect(sent).toEqual([{ at: t0 + 700, phase: 'Assigning segments', percent: 62 }]);
    // The timer the beat replaced does not send it again; the next is the lease's own.
    await jest.advanceTimersByTimeAsync(1_500);
    expect(sent.map((s) => s.at - t0)).toEqual([700, 1_700]);
    await beat.stop();
  });

  it('settle waits for a beat already on its way', async () => {
    let release: () => void = () => undefined;
    let answered = false;
    const send = () =>
      new Promise<'ok'>((resolve) => {
        release = () => {
          answered = true;
          resolve('ok');
        };
      });
    const beat = new Heartbeat(send, cadence, t0);
    await jest.advanceTimersByTimeAsync(1_000);
    const settled = beat.settle();
    setTimeout(() => release(), 200);
    await jest.advanceTimersByTimeAsync(200);
    await settled;
    expect(answered).toBe(true);
    expect(beat.beats).toBe(1); // the renewal just made is fresh: nothing more to send
    await beat.stop();
  });
});
