import { readFileSync } from 'node:fs';

/** This release's version (package.json), as backups and the runtime file record it. */
export const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
