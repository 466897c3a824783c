/**
 * How every Lambda of the app is bundled — one definition used by `AppFunction` at synth
 * and by the cold-start benchmark (test/bench/cold-start.ts), so the bench measures exactly
 * what the stack deploys. esbuild's JS API rather than NodejsFunction's esbuild CLI because
 * the zod-locales substitution needs a plugin, which the CLI cannot load, and splitting into
 * chunks needs an output directory, where NodejsFunction writes one file.
 *
 * Run as a script by AppFunction (CDK's local bundling is synchronous, plugins need the async
 * API): `node --import tsx infra/constructs/lambda-bundle.ts <entry> <outdir>`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const ZOD_LOCALES = fileURLToPath(new URL('./zod-locales.ts', import.meta.url));

/** Some CommonJS dependencies call require(); ESM output has no require of its own. */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** zod's internal locale index → zod-locales.ts (zh-CN and en only); see that file for why. */
const onlyOurZodLocales: Plugin = {
  name: 'zod-locales-zh-CN-en',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: ZOD_LOCALES } : undefined,
    );
    // If a zod release moves its locale index, the substitution silently stops: refuse the build.
    b.onEnd((result) => {
      const leaked = Object.keys(result.metafile?.inputs ?? {}).find((f) => /zod\/v4\/locales\/(?!en\.js|zh-CN\.js)/.test(f));
      return leaked
        ? { errors: [{ text: `zod locales other than zh-CN and en got into the bundle (${leaked}): update lambda-bundle.ts to zod's layout` }] }
        : undefined;
    });
  },
};

export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: entry },
    absWorkingDir: repo,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    minify: true,
    // Stack traces are mapped (NODE_OPTIONS=--enable-source-maps) to file:line:column; the
    // sources' text is not needed for that, and without it the map Node parses at every cold
    // start is a third of the size.
    sourcemap: true,
    sourcesContent: false,
    // The AWS SDK is bundled instead of using the runtime's copy: the version we test with is
    // the version that runs.
    external: [],
    // What is reached only through import() — the SDK's SSO/STS/web-identity credential
    // providers (Lambda's come from the environment), event streams, the SES and S3 clients
    // (email/ses-sender.ts, storage/s3-sdk.ts), the common-password list — goes to chunks/ and
    // is loaded the first time it is needed: a cold start then compiles and runs only what
    // every request uses.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins: [onlyOurZodLocales],
    logLevel: 'error',
  };
}

export interface LambdaBundle {
  /** The entry, `outdir/index.mjs`. */
  file: string;
  /** Every JavaScript file written (entry and chunks), and whether a cold start loads it. */
  js: { path: string; bytes: number; atColdStart: boolean }[];
  /** Bytes of the source maps beside them. */
  mapBytes: number;
}

/** Bundles `entry` into `outdir/index.mjs` (+ chunks/, + `.map` files). */
export async function bundleLambda(entry: string, outdir: string): Promise<LambdaBundle> {
  const { outputs } = (await build(lambdaBuildOptions(entry, outdir))).metafile!;
  const file = resolve(outdir, 'index.mjs');
  const entryOut = Object.keys(outputs).find((f) => resolve(repo, f) === file)!;
  // A cold start loads the entry and, transitively, what it imports statically.
  const atColdStart = new Set<string>();
  const visit = (f: string) => {
    if (atColdStart.has(f)) return;
    atColdStart.add(f);
    for (const i of outputs[f]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entryOut);
  const files = Object.keys(outputs);
  return {
    file,
    js: files
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => ({ path: resolve(repo, f), bytes: outputs[f]!.bytes, atColdStart: atColdStart.has(f) })),
    mapBytes: files.filter((f) => f.endsWith('.map')).reduce((sum, f) => sum + outputs[f]!.bytes, 0),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: lambda-bundle.ts <entry> <outdir>');
  await bundleLambda(entry, outdir);
}
