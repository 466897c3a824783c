import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The console's first screen (login, dashboard) must not download the spreadsheet grid: AG
 * Grid is about a megabyte. This reads the built console (admin/dist, built by the test run's
 * global setup when a source is newer than it) and follows what the entry chunk loads
 * statically — its own imports, recursively, and the modulepreload links of index.html — and
 * checks that none of it holds AG Grid, which lives in a chunk loaded on demand.
 *
 * Which module a chunk holds is read from its source map (the build writes them), with the
 * grid's root CSS class as a second witness should source maps ever be turned off.
 */
const DIST = join(process.cwd(), 'admin', 'dist');
const AG_SOURCE = /node_modules\/(ag-grid-community|ag-grid-react|@ag-grid-community\/locale)\//;
const AG_CODE = 'ag-root-wrapper';

function chunk(file: string): { code: string; sources: string[] } {
  const code = readFileSync(join(DIST, file), 'utf8');
  const map = join(DIST, `${file}.map`);
  const sources = existsSync(map) ? ((JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }).sources ?? []) : [];
  return { code, sources };
}

const holdsAgGrid = (file: string) => {
  const { code, sources } = chunk(file);
  return sources.some((s) => AG_SOURCE.test(s)) || code.includes(AG_CODE);
};

/** `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`. */
function staticImports(file: string): string[] {
  const { code } = chunk(file);
  const dir = file.split('/').slice(0, -1).join('/');
  return [...code.matchAll(/\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g)].map((m) => `${dir}/${m[1]!.slice(2)}`);
}

describe('the console bundle', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+\.js)"/.exec(html)?.[1];
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map((m) => m[1]!);

  /** Every chunk the first page load fetches. */
  function initialChunks(): Set<string> {
    const seen = new Set<string>();
    const queue = [entry!, ...preloaded];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(file));
    }
    return seen;
  }

  it('loads no AG Grid code on the first screen', () => {
    expect(entry).toBeDefined();
    const initial = [...initialChunks()];
    expect(initial.length).toBeGreaterThan(1);
    expect(initial.filter(holdsAgGrid)).toEqual([]);
  });

  it('has AG Grid in a chunk of its own, fetched only when a sheet is shown', () => {
    const initial = initialChunks();
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
    const grid = assets.filter(holdsAgGrid);
    expect(grid.length).toBeGreaterThan(0);
    for (const file of grid) expect(initial.has(file)).toBe(false);
    // …and it is the sheet's: the chunk with AG Grid also holds our grid code (the people sheet
    // and the policy tables each load it lazily, so the bundler puts AG Grid with the setup
    // they share, src/sheet/grid/gridSetup.ts, rather than with one of them).
    expect(grid.some((file) => chunk(file).sources.some((s) => /(^|\/)src\/sheet\/grid\/[^/]+\.tsx?$/.test(s)))).toBe(true);
  });
});
