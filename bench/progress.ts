/**
 * A progress bar on stderr for long steps (generation at tier L takes minutes). On a terminal it
 * redraws one line; otherwise (CI, a log file) it prints a line every few seconds.
 */
export class Progress {
  private label = '';
  private total = 0;
  private done = 0;
  private started = 0;
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly enabled = true) {}

  start(label: string, total: number): void {
    this.finishLine();
    this.label = label;
    this.total = Math.max(1, total);
    this.done = 0;
    this.started = performance.now();
    this.lastDraw = 0;
    this.draw(true);
  }

  tick(n = 1): void {
    this.done += n;
    this.draw(false);
  }

  /** Ends the current step and returns its duration in seconds. */
  finish(): number {
    const seconds = (performance.now() - this.started) / 1000;
    this.draw(true);
    this.finishLine();
    return seconds;
  }

  log(line: string): void {
    this.finishLine();
    if (this.enabled) process.stderr.write(`${line}\n`);
  }

  private open = false;

  private finishLine(): void {
    if (this.open && this.tty && this.enabled) process.stderr.write('\n');
    this.open = false;
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < (this.tty ? 100 : 5000)) return;
    this.lastDraw = now;
    const share = Math.min(1, this.done / this.total);
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 && share < 1 ? ` eta ${formatSeconds((this.total - this.done) / rate)}` : '';
    const line =
      `${this.label.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${(share * 100).toFixed(0).padStart(3)}% ${formatCount(this.done)}/${formatCount(this.total)} ` +
      `${formatCount(rate)}/s ${formatSeconds(seconds)}${eta}`;
    if (this.tty) {
      process.stderr.write(`\r${line}\x1b[K`);
      this.open = true;
    } else process.stderr.write(`${line}\n`);
  }
}

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
