/** A one-line progress bar for terminals (the recompute command and the demo). */
export interface ProgressBar {
  update(phase: string, percent: number): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stdout): ProgressBar {
  if (!stream.isTTY) {
    // Not a terminal: one line per phase, so logs stay readable.
    let last = '';
    return {
      update(phase) {
        if (phase !== last) stream.write(`… ${phase}\n`);
        last = phase;
      },
      done() {},
    };
  }
  const width = 30;
  let shown = false;
  return {
    update(phase, percent) {
      const p = Math.max(0, Math.min(100, Math.round(percent)));
      const filled = Math.round((p / 100) * width);
      const cols = stream.columns ?? 80;
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(p).padStart(3)}%  ${phase}`;
      stream.write(`\r${line.slice(0, cols - 1).padEnd(Math.min(cols - 1, 100))}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
