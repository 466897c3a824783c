/**
 * What every benchmark returns, and the statistics they share. Figures are ratios measured
 * side by side in one run (this machine is noisy; absolute milliseconds are not comparable
 * between runs, ratios mostly are), medians of several interleaved runs.
 */

export interface BenchResult {
  /** Short label, e.g. "1a API overhead: approvals inbox". */
  name: string;
  value: number;
  /** `×`, `ms`, `MB`, `$`… */
  unit: string;
  /** Human-readable target, e.g. "≤ 1.5×"; "—" when the figure is informational. */
  target: string;
  /** Whether the target is met; null when there is no target. */
  ok: boolean | null;
  /** How it was measured and the raw numbers behind the value. */
  detail: string;
}

export interface BenchOptions {
  /** Fewer repetitions, for development. */
  quick: boolean;
  log: (message: string) => void;
  /** Aborted when the figure is over its time limit: close what could hang (a browser), and stop. */
  signal: AbortSignal;
}

export interface Benchmark {
  /** 1…6, as in docs/benchmarks.md. */
  id: number;
  title: string;
  /** Shared resources it uses (context.ts), so main can stop them once no later figure needs them. */
  uses: string[];
  /** How long the figure may take on a loaded 2-core machine before it is reported as not measured. */
  timeLimitMinutes: number;
  run(opts: BenchOptions): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0…100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** "≤ 1.5×" style check. */
export function atMost(value: number, limit: number, unit = '×'): { target: string; ok: boolean } {
  return { target: `≤ ${limit}${unit === '×' ? '×' : ` ${unit}`}`, ok: value <= limit };
}

/**
 * Runs `a` and `b` alternately (ABAB…, then BABA… on odd rounds so neither always goes
 * first), `samples` times each, and returns their latencies in milliseconds.
 */
export async function interleaved(samples: number, round: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  for (let i = 0; i < samples; i++) {
    if ((i + round) % 2 === 0) {
      out.a.push(await timed(a));
      out.b.push(await timed(b));
    } else {
      out.b.push(await timed(b));
      out.a.push(await timed(a));
    }
  }
  return out;
}

/**
 * `runs` interleaved runs of `samples` each; per run the ratio of the medians (a / b). The
 * figure is the median of those ratios; the spread says how much to trust it.
 */
export async function ratioOfMedians(
  opts: { runs: number; samples: number },
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ ratio: number; ratios: number[]; a: number; b: number }> {
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    const t = await interleaved(opts.samples, run, a, b);
    ratios.push(median(t.a) / median(t.b));
    as.push(median(t.a));
    bs.push(median(t.b));
  }
  return { ratio: median(ratios), ratios, a: median(as), b: median(bs) };
}

export const spread = (ratios: number[]): string =>
  ratios.length > 1 ? `runs ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : '1 run';

/** The report: one table, a row per figure. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${r.unit === '×' ? r.value.toFixed(2) : formatValue(r.value)} ${r.unit}`.trim(),
    r.target,
    r.ok === null ? '—' : r.ok ? '✓' : '✗',
    r.detail,
  ]);
  const header = ['figure', 'value', 'target', 'ok', 'how / raw numbers'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  // The detail column is last and unpadded: long lines wrap in the terminal rather than pad every row.
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join(' │ ');
  const rule = widths.map((w, i) => '─'.repeat(i === widths.length - 1 ? Math.min(w, 40) : w)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Display width: CJK and ✓/✗/× count as one column each in most terminals except CJK ideographs (two). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
