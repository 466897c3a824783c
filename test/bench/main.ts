/**
 * `npm run bench [-- --only=1,3] [-- --quick]`: how close to the floor we are (issue #6).
 * Starts what it needs, prints one table, stops everything. A report, not a gate: exits 0
 * when a target is missed, 1 only when a benchmark could not run. docs/benchmarks.md says
 * what each figure measures.
 */
import { apiOverhead } from './api-overhead.js';
import { approvalRoundTrip } from './approval-round-trip.js';
import { coldStart } from './cold-start.js';
import { consoleLoad } from './console-load.js';
import { releaseAll, releaseExcept } from './context.js';
import { flatCost } from './flat-cost.js';
import { formatTable, type Benchmark, type BenchResult } from './result.js';
import { workflowCost } from './workflow-cost.js';

// Run order: those without the local runtime first, then those sharing it — the console
// first, because the runtime mounts the console build it serves when it starts.
const ALL: Benchmark[] = [coldStart, apiOverhead, flatCost, consoleLoad, approvalRoundTrip, workflowCost];

function parseArgs(argv: string[]): { only: Set<number> | null; quick: boolean } {
  let only: Set<number> | null = null;
  let quick = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) only = new Set(arg.slice('--only='.length).split(',').map((s) => Number(s.trim())));
    else if (arg === '--help' || arg === '-h') {
      console.log('npm run bench [-- --only=1,3] [-- --quick]   figures: 1 API overhead, 2 flat cost, 3 cold start, 4 approval round trip, 5 console, 6 workflow cost');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  if (only && [...only].some((n) => !ALL.some((b) => b.id === n))) throw new Error(`--only takes figure numbers 1–6`);
  return { only, quick };
}

async function main(): Promise<number> {
  const { only, quick } = parseArgs(process.argv.slice(2));
  const chosen = ALL.filter((b) => !only || only.has(b.id));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const results: BenchResult[] = [];
  const failed: string[] = [];
  const started = performance.now();
  for (const [i, bench] of chosen.entries()) {
    log(`▶ ${bench.id}. ${bench.title}${quick ? ' (quick)' : ''}`);
    const t0 = performance.now();
    const limitMs = bench.timeLimitMinutes * 60_000;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const overTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`not measured: over its ${bench.timeLimitMinutes}-minute limit`);
        controller.abort(error);
        reject(error);
      }, limitMs);
    });
    try {
      // A figure that hangs (once: 13 minutes inside figure 5 on a loaded machine) is cut off at
      // its limit and reported as not measured; the figures after it still run.
      results.push(...(await Promise.race([bench.run({ quick, log, signal: controller.signal }), overTime])));
    } catch (err) {
      failed.push(`${bench.id}. ${bench.title}`);
      log(`  could not run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      results.push({ name: `${bench.id} ${bench.title}`, value: Number.NaN, unit: '', target: '—', ok: false, detail: `could not run: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300) });
    } finally {
      clearTimeout(timer);
    }
    log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    await releaseExcept(chosen.slice(i + 1).flatMap((b) => b.uses));
  }
  await releaseAll();
  results.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  console.log(`\nBenchmarks — ${new Date().toISOString()}, node ${process.version}, ${quick ? 'quick' : 'full'} run in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(formatTable(results));
  if (failed.length) console.log(`\nCould not run: ${failed.join('; ')}`);
  return failed.length ? 1 : 0;
}

// Ctrl-C: stop DynamoDB Local, the runtime and the browser before leaving.
process.once('SIGINT', () => {
  void releaseAll().finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await releaseAll().catch(() => undefined);
    process.exit(1);
  },
);
