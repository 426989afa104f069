/** One progress line on a terminal's stderr, rewritten in place; nothing at all when stderr is piped or a file. */
export interface Progress {
  update(done: number, total: number, file: string): void;
  end(): void;
}

const SILENT: Progress = { update: () => undefined, end: () => undefined };

export function progressLine(enabled: boolean, write: (text: string) => void, columns = 80): Progress {
  if (!enabled) return SILENT;
  let shown = false;
  return {
    update(done, total, file) {
      const line = `检查 / Checking ${done}/${total}  ${file}`;
      write(`\r\x1b[K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
      shown = true;
    },
    end() {
      if (shown) write("\r\x1b[K");
    },
  };
}
