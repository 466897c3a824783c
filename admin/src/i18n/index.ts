import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { LOCALE_KEY, store } from '../providers/store';
import en from './en';
import zhCN from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const catalogs: Record<Locale, TranslationMessages> = {
  'zh-CN': zhCN,
  en: { ...englishMessages, ...en },
};

function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

// The choice made with the language menu lives in react-admin's store (localStorage). Start
// in that language so the first paint is already right.
const stored = store.getItem<string>(LOCALE_KEY);
const initialLocale: Locale = isLocale(stored) ? stored : DEFAULT_LOCALE;

// Server messages (problem+json detail, already in the UI language) go through translate()
// too, as react-admin notifies whatever an error carries: show them as they are. Only a
// missing catalog key is worth a warning.
const CATALOG_KEY = /^(ra|app|resources|roles|audit|sheet)\.[\w.-]+$/;
function onMissingKey(key: string): string {
  if (CATALOG_KEY.test(key)) console.warn(`Missing translation for key: "${key}"`);
  return key;
}

export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogs[isLocale(locale) ? locale : DEFAULT_LOCALE],
  initialLocale,
  // Each language is named in itself, so it can be found whatever the UI language.
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
  { onMissingKey },
);
