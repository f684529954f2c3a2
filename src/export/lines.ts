import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Append-only text file written through a buffer: fast, synchronous, deterministic. */
export class LineWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  /** @param tap also receives every chunk written, in order (each a concatenation of whole writes). */
  constructor(
    readonly file: string,
    private readonly tap?: (chunk: string) => void,
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    if (!text) return;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.tap?.(chunk);
    fs.writeSync(this.fd, chunk);
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}

/** Lines of a (possibly large) file, read in chunks: memory stays flat. */
export function* readLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const text = rest + decoder.write(chunk.subarray(0, n));
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}
