import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPortFree } from '../../../infra/local/ports.js';

const posix = process.platform !== 'win32';
const dynamodbModule = pathToFileURL(resolve('infra/local/dynamodb.ts')).href;

/** Whether a port is still held by someone, i.e. whether DynamoDB Local is still up. */
async function released(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertPortFree(port, '127.0.0.1', 'DynamoDB Local');
      return true;
    } catch {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('DynamoDB Local lifetime', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** Runs a Node parent that starts DynamoDB Local, reports its port, then does `then`. */
  async function parentThat(then: string): Promise<{ port: number; parent: ReturnType<typeof spawn> }> {
    const dir = await mkdtemp(join(tmpdir(), 'cs-dynamodb-parent-'));
    dirs.push(dir);
    const script = join(dir, 'parent.mts'); // .mts: ESM (top-level await) outside a package
    await writeFile(
      script,
      `import { startDynamoLocal } from ${JSON.stringify(dynamodbModule)};\n` +
        `const dynamo = await startDynamoLocal({});\nconsole.log('port=' + dynamo.port);\n${then}\n`,
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    parent.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 25_000;
    while (!/port=\d+/.test(out)) {
      if (Date.now() > deadline || parent.exitCode !== null) throw new Error(`parent did not start DynamoDB Local: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { port: Number(/port=(\d+)/.exec(out)![1]), parent };
  }

  it.skipIf(!posix)('does not outlive a parent that is killed outright', async () => {
    const { port, parent } = await parentThat('setInterval(() => {}, 1000);');
    expect(await released(port, 0)).toBe(false);
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    expect(await released(port, 10_000)).toBe(true);
  });

  it('does not outlive a parent that calls process.exit', async () => {
    const { port, parent } = await parentThat('setTimeout(() => process.exit(0), 200);');
    await once(parent, 'exit');
    expect(await released(port, 10_000)).toBe(true);
  });
});
