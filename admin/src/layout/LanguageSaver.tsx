import { useEffect, useRef } from 'react';
import { useDataProvider, useGetIdentity, useLocaleState, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';

/**
 * Switching the console's language also switches the language of the mails the system sends
 * me (PATCH /users/me): a manager who reads English in the console reads English mail too.
 * Only a switch is saved — opening the console in another browser never overwrites the choice.
 */
export const LanguageSaver = () => {
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    if (!identity || identity.language === locale || (locale !== 'zh-CN' && locale !== 'en')) return;
    dataProvider.saveLanguage(locale).catch(() => notify('app.language_not_saved', { type: 'warning' }));
  }, [locale, identity, dataProvider, notify]);
  return null;
};
