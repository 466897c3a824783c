import { spawnSync } from 'node:child_process';

/** DynamoDB Local 3.x is built for Java 17 (its jar's classes are version 61). */
export const MIN_JAVA_VERSION = 17;

const INSTALL_HINT =
  'install it with `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) ' +
  'or `brew install openjdk@17` (macOS), then make sure `java` is on PATH';

export type JavaCheck = { ok: true; version: number } | { ok: false; message: string };

export interface CheckJavaOptions {
  /** Environment to look `java` up in; defaults to process.env. Tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** The command to run; defaults to `java` (resolved on PATH). */
  command?: string;
}

/**
 * Checks that a Java runtime new enough for DynamoDB Local is installed, so `npm start`
 * can fail with one actionable line instead of a Java stack trace.
 */
export function checkJava(options: CheckJavaOptions = {}): JavaCheck {
  const command = options.command ?? 'java';
  const result = spawnSync(command, ['-version'], {
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? `\`${command}\` was not found on PATH` : `\`${command} -version\` failed (${code ?? result.error.message})`;
    return { ok: false, message: `Java ${MIN_JAVA_VERSION}+ is required for DynamoDB Local but ${problem}: ${INSTALL_HINT}.` };
  }
  // `java -version` writes to stderr; some wrappers print to stdout.
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const version = parseJavaMajorVersion(output);
  if (version === undefined) {
    const firstLine = output.trim().split('\n')[0] ?? '';
    return {
      ok: false,
      message:
        `Java ${MIN_JAVA_VERSION}+ is required for DynamoDB Local but the version could not be read from ` +
        `\`${command} -version\` (exit ${result.status ?? result.signal}, said "${firstLine.slice(0, 120)}"): ${INSTALL_HINT}.`,
    };
  }
  if (version < MIN_JAVA_VERSION) {
    return {
      ok: false,
      message: `Java ${MIN_JAVA_VERSION}+ is required for DynamoDB Local but \`${command}\` is Java ${version}: ${INSTALL_HINT}.`,
    };
  }
  return { ok: true, version };
}

/**
 * `openjdk version "17.0.15" 2025-04-15` → 17, `java version "1.8.0_392"` → 8,
 * `openjdk version "21" 2023-09-19` → 21.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}
