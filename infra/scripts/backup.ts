/**
 * `DATA_DIR=… npm run backup -- FILE`: a consistent copy of the local installation running on
 * DATA_DIR, written to FILE (docs/backups.md). FILE is relative to where npm was run; DATA_DIR
 * means what it means to `npm start`.
 */
import { resolve } from 'node:path';
import { readLocalConfig } from '../../functions/config.js';
import { backupInstallation, BackupError } from '../local/backup/take.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('usage: DATA_DIR=<the installation’s data directory> npm run backup -- FILE   (e.g. cs-2026-11-02.jsonl.gz)');
    return 2;
  }
  const dataDir = resolve(readLocalConfig(process.env).dataDir);
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]!);
  const manifest = await backupInstallation({ dataDir, file });
  const s = manifest.summary;
  console.log(
    [
      `Backup written: ${file}`,
      `  of ${dataDir}, at ${manifest.createdAt} by the installation's clock (release ${manifest.appVersion})`,
      `  ${s.items ?? 0} items in ${s.tables ?? 0} table(s), ${s.executionsRunning ?? 0} approval execution(s) in flight of ${s.executions ?? 0}, ` +
        `${s.objects ?? 0} attachment file(s) (${s.objectBytes ?? 0} bytes), ${s.mailFiles ?? 0} mail file(s)`,
      `  Restore with: DATA_DIR=<an empty directory> npm run restore -- ${file}`,
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof BackupError || error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
