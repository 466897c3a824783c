/**
 * Figure 2 — flat cost as data grows. The same hot-path requests against a small data set
 * (100 employees, 100 approval tasks) and a large one (10,000 employees, 100,000 tasks),
 * two tables on one DynamoDB Local, interleaved. Each request must make the same DynamoDB
 * calls at both sizes (keys and indexes, never a Scan or a growing read) and cost about the
 * same time.
 */
import { SMALL } from './api-overhead.js';
import { dataset, DYNAMO } from './dataset.js';
import { HOT_PATHS, record } from './hot-paths.js';
import { describeCalls } from './recorder.js';
import { ms, ratioOfMedians, round, spread, type Benchmark, type BenchResult } from './result.js';

const LARGE = { employees: 10_000, tasks: 100_000 };
/** --quick: a tenth of the large set, so a development run seeds in seconds. */
const LARGE_QUICK = { employees: 1_000, tasks: 10_000 };
const TARGET = 1.2;

export const flatCost: Benchmark = {
  id: 2,
  title: 'Flat cost as data grows',
  uses: [DYNAMO, `dataset:small:${SMALL.employees}:${SMALL.tasks}`],
  timeLimitMinutes: 5,
  async run({ quick, log }) {
    const runs = quick ? 2 : 5;
    const samples = quick ? 10 : 30;
    const warm = quick ? 5 : 15;
    const large = quick ? LARGE_QUICK : LARGE;
    const small = await dataset('small', SMALL, log);
    const big = await dataset('large', large, log);
    const results: BenchResult[] = [];
    for (const [i, path] of HOT_PATHS.entries()) {
      if (path.fresh) {
        await small.ensureFixtures(runs * samples + warm + 1);
        await big.ensureFixtures(runs * samples + warm + 1);
      }
      for (let w = 0; w < warm; w++) {
        await path.send(small);
        await path.send(big);
      }
      const [callsSmall, callsLarge] = [await record(small, path), await record(big, path)];
      const shapeSmall = describeCalls(callsSmall.calls);
      const shapeLarge = describeCalls(callsLarge.calls);
      const equal = callsSmall.calls.length === callsLarge.calls.length && shapeSmall === shapeLarge;
      const m = await ratioOfMedians({ runs, samples }, () => path.send(big), () => path.send(small));
      const ok = equal && m.ratio <= TARGET;
      results.push({
        name: `2${'abcd'[i]} large/small: ${path.label}`,
        value: round(m.ratio),
        unit: '×',
        target: `≤ ${TARGET}×, same calls`,
        ok,
        detail:
          `${large.employees.toLocaleString('en')} employees/${large.tasks.toLocaleString('en')} tasks ${ms(m.a)} ms vs ` +
          `${SMALL.employees}/${SMALL.tasks} ${ms(m.b)} ms; DynamoDB calls ${callsLarge.calls.length} vs ${callsSmall.calls.length}` +
          `${equal ? ` (equal: ${shapeLarge})` : ` — DIFFER: large ${shapeLarge}; small ${shapeSmall}`}; ` +
          `response ${(callsLarge.bytes / 1e3).toFixed(1)} vs ${(callsSmall.bytes / 1e3).toFixed(1)} kB; median of ${runs}×${samples}, ${spread(m.ratios)}`,
      });
      log(`  ${results.at(-1)!.name}: ${m.ratio.toFixed(2)}×, calls ${callsLarge.calls.length}/${callsSmall.calls.length}`);
    }
    return results;
  },
};
