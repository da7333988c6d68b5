/**
 * Progress for people (the recompute command and the demo): the phase, its percentage, and inside
 * a long read the rows so far, the total the org announced and the rate, e.g.
 * `Reading escalated requests: 120,000 of ~1,000,000 (40,000/s)`.
 * On a terminal it is one line redrawn in place; elsewhere (CI logs, a file) one line per phase
 * plus a count line at most every `everyMs`, so logs stay short and readable.
 */
import type { RowProgress } from './recompute';

export interface ProgressBar {
  update(phase: string, percent: number, rows?: RowProgress): void;
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const count = (n: number) => n.toLocaleString('en-US');

export function progressBar(
  stream: ProgressStream = process.stdout,
  opts: { now?: () => number; everyMs?: number } = {},
): ProgressBar {
  const now = opts.now ?? Date.now;
  const everyMs = opts.everyMs ?? 2_000;
  // Rate per object: rows and time since its first page.
  let rowsOf = { object: '', startDone: 0, startAt: 0 };
  const describe = (phase: string, rows?: RowProgress) => {
    if (!rows) return phase;
    if (rows.object !== rowsOf.object || rows.done < rowsOf.startDone)
      rowsOf = { object: rows.object, startDone: rows.done, startAt: now() };
    const seconds = (now() - rowsOf.startAt) / 1000;
    const rate =
      seconds >= 0.5 ? ` (${count(Math.round((rows.done - rowsOf.startDone) / seconds))}/s)` : '';
    const total = rows.total > rows.done ? ` of ~${count(rows.total)}` : '';
    return `${phase}: ${count(rows.done)}${total}${rate}`;
  };
  if (!stream.isTTY) {
    let last = '';
    let lastAt = 0;
    return {
      update(phase, _percent, rows) {
        if (phase !== last) {
          stream.write(`… ${phase}\n`);
          last = phase;
          lastAt = now();
        }
        const text = rows ? describe(phase, rows) : null;
        if (text && now() - lastAt >= everyMs) {
          stream.write(`  ${text}\n`);
          lastAt = now();
        }
      },
      done() {},
    };
  }
  const width = 30;
  let shown = false;
  return {
    update(phase, percent, rows) {
      const p = Math.max(0, Math.min(100, Math.round(percent)));
      const filled = Math.round((p / 100) * width);
      const cols = stream.columns ?? 80;
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(p).padStart(3)}%  ${describe(phase, rows)}`;
      stream.write(`\r${line.slice(0, cols - 1).padEnd(Math.min(cols - 1, 100))}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
