// Figures of a run: latency samples with their percentiles, and the small formatting helpers of the report.

/** A growable list of numbers (milliseconds), cheap to append a million to. */
export class Samples {
  private data = new Float64Array(1024);
  private n = 0;

  add(x: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = x;
  }

  get count(): number {
    return this.n;
  }

  summary(): LatencySummary {
    const sorted = this.data.slice(0, this.n).sort();
    return {
      count: this.n,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: this.n ? (sorted[this.n - 1] as number) : null,
    };
  }
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const round = (x: number | null, digits = 1): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export const ms = (x: number | null): string => (x === null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');
