/**
 * Figure 1 — API overhead over the storage floor. For each hot path: the median latency of
 * the real HTTP request against the median of exactly the DynamoDB calls it makes, replayed
 * directly with the SDK, interleaved in the same run. What is left is the price of HTTP,
 * Hono, auth, validation, marshalling and JSON on top of the data.
 */
import { dataset, DYNAMO } from './dataset.js';
import { floorReplays, HOT_PATHS, queue, record } from './hot-paths.js';
import { atMost, ms, ratioOfMedians, round, spread, type Benchmark, type BenchResult } from './result.js';

export const SMALL = { employees: 100, tasks: 100 };
const TARGET = 1.5;

export const apiOverhead: Benchmark = {
  id: 1,
  title: 'API overhead over the storage floor',
  uses: [DYNAMO, `dataset:small:${SMALL.employees}:${SMALL.tasks}`],
  timeLimitMinutes: 5,
  async run({ quick, log }) {
    const runs = quick ? 2 : 5;
    const samples = quick ? 10 : 40;
    const warm = quick ? 5 : 20;
    const ds = await dataset('small', SMALL, log);
    const results: BenchResult[] = [];
    for (const [i, path] of HOT_PATHS.entries()) {
      const total = runs * samples;
      if (path.fresh) await ds.ensureFixtures(2 * total + 2 * warm + 1);
      for (let w = 0; w < warm; w++) await path.send(ds);
      const recorded = await record(ds, path);
      const warmFloor = queue(await floorReplays(ds, path, recorded, warm));
      for (let w = 0; w < warm; w++) await warmFloor();
      const floor = queue(await floorReplays(ds, path, recorded, total));
      const m = await ratioOfMedians({ runs, samples }, () => path.send(ds), floor);
      const check = atMost(m.ratio, TARGET);
      results.push({
        name: `1${'abcd'[i]} API/floor: ${path.label}`,
        value: round(m.ratio),
        unit: '×',
        ...check,
        detail:
          `${path.request}: ${ms(m.a)} ms vs DynamoDB ${ms(m.b)} ms for ${recorded.shape}` +
          `${path.fresh ? ' (replayed on fresh tasks; SendTaskSuccess answered in-process)' : ''}; median of ${runs}×${samples}, ${spread(m.ratios)}`,
      });
      log(`  ${results.at(-1)!.name}: ${m.ratio.toFixed(2)}×`);
    }
    return results;
  },
};
