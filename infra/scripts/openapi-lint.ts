/**
 * `npm run lint` (its OpenAPI part): builds the API's document with no engine running
 * (openapi-document.ts), writes it to a temporary file and lints it with Redocly (its
 * recommended rules, warnings as errors: redocly.yaml) and Spectral (`spectral:oas`,
 * .spectral.yaml, failing on warnings too). The document stays clean, so a new route without
 * an operationId (or the like) is caught where it is added.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from './openapi-document.js';

const bin = (name: string) => join('node_modules', '.bin', name);

async function main(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'cs-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(await openApiDocument(), null, 2));
    const runs: [string, string[]][] = [
      [bin('redocly'), ['lint', file, '--config', 'redocly.yaml', '--max-problems', '50']],
      [bin('spectral'), ['lint', file, '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--display-only-failures']],
    ];
    let failed = 0;
    for (const [command, args] of runs) {
      const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
      if (run.status !== 0) failed++;
    }
    return failed;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
