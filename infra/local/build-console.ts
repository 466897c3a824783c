import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The console needs (re)building when there is no build or a source file is newer than it. */
export function consoleBuildIsStale(adminDir: string): boolean {
  const index = join(adminDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const p = join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const sources = [join(adminDir, 'src'), join(adminDir, 'index.html'), join(adminDir, 'vite.config.ts')];
  return sources.some((s) => existsSync(s) && (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs) > built);
}

export async function buildConsole(adminDir: string, quiet = false): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(adminDir, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
}
