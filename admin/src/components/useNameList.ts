import { useLocaleState } from 'react-admin';

/** Names as a list in the UI language: 张三、李四和王五 / Ann, Bo and Cy. */
export function useNameList(): (names: readonly string[]) => string {
  const [locale] = useLocaleState();
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return (names) => list.format(names.filter(Boolean));
}
