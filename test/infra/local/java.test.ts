import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJava, parseJavaMajorVersion } from '../../../infra/local/java.js';

const posix = process.platform !== 'win32';

describe('checkJava', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** A fake `java` that prints what a given JDK prints for `java -version`. */
  async function fakeJava(versionLine: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'cs-java-test-'));
    dirs.push(dir);
    const path = join(dir, 'java');
    await writeFile(path, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    await chmod(path, 0o755);
    return path;
  }

  it('accepts the Java installed on this machine (17 or newer)', () => {
    const result = checkJava();
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.version).toBeGreaterThanOrEqual(17);
  });

  it('explains in one line how to install Java when it is not on PATH', () => {
    const result = checkJava({ env: { PATH: '' } });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain('\n');
    expect(message).toContain('Java 17+ is required for DynamoDB Local');
    expect(message).toContain('not found on PATH');
    expect(message).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(message).toContain('brew install openjdk@17');
  });

  it.skipIf(!posix)('refuses Java 8 and says which version it found', async () => {
    const result = checkJava({ command: await fakeJava('java version "1.8.0_392"') });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^Java 17\+ is required .* is Java 8: install it with/);
  });

  it.skipIf(!posix)('says so when the version cannot be read', async () => {
    const result = checkJava({ command: await fakeJava('something else entirely') });
    expect(result.ok ? '' : result.message).toContain('could not be read');
  });

  it('reads the major version from every java -version style', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19 LTS')).toBe(21);
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajorVersion('openjdk version "25-ea" 2025-09-16')).toBe(25);
    expect(parseJavaMajorVersion('no version here')).toBeUndefined();
  });
});
