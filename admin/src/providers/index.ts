import { i18nProvider } from '../i18n';
import { createAuthProvider } from './authProvider.js';
import { createDataProvider } from './dataProvider.js';
import { createEarlyReads, PHONE_MEDIA, sheetFirstBlockUrl } from './earlyReads.js';
import { createHttp } from './http.js';
import { store } from './store.js';

export const API_BASE = '/api/v1';

const early = createEarlyReads((...args) => fetch(...args));
const http = createHttp({ baseUrl: API_BASE, getLocale: () => i18nProvider.getLocale(), early });

export const dataProvider = createDataProvider(http);
export const authProvider = createAuthProvider(http, () => early.clear());
export { store };

/** Starts reading the first rows of the sheet a page opens on, if it opens on one (main.tsx). */
export function readSheetEarly(hash: string): void {
  const url = sheetFirstBlockUrl(hash, API_BASE, (key) => store.getItem(key), window.matchMedia(PHONE_MEDIA).matches);
  if (url) early.start(url, i18nProvider.getLocale());
}
