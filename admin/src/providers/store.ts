import { localStorageStore, type Store } from 'react-admin';

const base = localStorageStore('1', 'CsConsole');

/** Where the chosen UI language is kept, read before React starts (see i18n/index.ts). */
export const LOCALE_KEY = 'locale';

/**
 * react-admin's localStorage store, except that signing out keeps the language choice:
 * react-admin resets the whole store at logout, which would put someone who chose English
 * back on a Chinese login page. List filters and column choices are still cleared.
 */
export const store: Store = {
  ...base,
  reset() {
    const locale = base.getItem<string>(LOCALE_KEY);
    base.reset();
    if (locale) base.setItem(LOCALE_KEY, locale);
  },
};
