/**
 * Terminal progress on stderr, so that stdout stays for what a script pipes on. On a terminal one status
 * line is rewritten in place (phase and count); anywhere else (CI logs, a file) each phase prints one line
 * when it ends, so logs stay short. No dependency: a carriage return and an erase-line escape are all it takes.
 */

export interface ProgressOptions {
  /** Where to write; default process.stderr. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Print nothing (the library default: a site generator calling build() prints its own). */
  quiet?: boolean;
}

export class Progress {
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly quiet: boolean;
  private readonly tty: boolean;
  private phase = '';
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.quiet = options.quiet ?? false;
    this.tty = this.stream.isTTY === true && process.env.TERM !== 'dumb' && !process.env.CI;
  }

  /** Starts a phase ("Reading Markdown"); the previous one ends. */
  start(phase: string): void {
    this.end();
    this.phase = phase;
    this.started = performance.now();
    if (this.tty && !this.quiet) this.draw(`${phase}…`);
  }

  /** The phase's count so far; on a terminal redrawn at most every 50 ms. */
  tick(done: number, total?: number): void {
    if (!this.tty || this.quiet) return;
    const now = performance.now();
    if (now - this.lastDraw < 50 && done !== total) return;
    this.lastDraw = now;
    this.draw(`${this.phase}… ${total === undefined ? done : `${done}/${total}`}`);
  }

  /** Ends the current phase with what it did ("10,000 files"). */
  end(summary?: string): void {
    if (!this.phase) return;
    const took = Math.round(performance.now() - this.started);
    this.line(`${this.phase}${summary ? `: ${summary}` : ''} (${took} ms)`);
    this.phase = '';
  }

  /** A line that stays (a warning, the summary). */
  line(text: string): void {
    if (this.quiet) return;
    if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
    this.stream.write(`${text}\n`);
  }

  private draw(text: string): void {
    this.stream.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }
}
