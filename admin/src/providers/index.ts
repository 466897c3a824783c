import { i18nProvider } from '../i18n';
import { createAuthProvider } from './authProvider.js';
import { createDataProvider } from './dataProvider.js';
import { createHttp } from './http.js';

export const API_BASE = '/api/v1';

const http = createHttp({ baseUrl: API_BASE, getLocale: () => i18nProvider.getLocale() });

export const dataProvider = createDataProvider(http);
export const authProvider = createAuthProvider(http);
export { store } from './store.js';
