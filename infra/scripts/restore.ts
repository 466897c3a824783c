/**
 * `DATA_DIR=… npm run restore -- FILE`: a backup (`npm run backup`) into an empty DATA_DIR, checked
 * first; then `DATA_DIR=… npm start` serves it (docs/backups.md).
 */
import { resolve } from 'node:path';
import { readLocalConfig } from '../../functions/config.js';
import { restoreInstallation } from '../local/backup/restore.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('usage: DATA_DIR=<a new or empty directory> npm run restore -- FILE');
    return 2;
  }
  const dataDir = resolve(readLocalConfig(process.env).dataDir);
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]!);
  const manifest = await restoreInstallation({ file, dataDir });
  const s = manifest.summary;
  console.log(
    [
      `Restored ${file} into ${dataDir}`,
      `  made at ${manifest.createdAt} by the installation's clock, release ${manifest.appVersion}`,
      `  ${s.items ?? 0} items, ${s.executionsRunning ?? 0} approval execution(s) in flight, ${s.objects ?? 0} attachment file(s), ${s.mailFiles ?? 0} mail file(s)`,
      `  Start it with: DATA_DIR=${dataDir} npm start`,
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
