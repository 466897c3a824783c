import { useLocaleState } from 'react-admin';

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A timestamp as people read it in the UI language (2026年1月2日 10:00); '—' for none. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(locale, DATE_TIME);
  return (iso) => (iso ? format.format(new Date(iso)) : '—');
}
