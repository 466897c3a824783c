import { disciplineRecordMessages } from '../../../admin/src/discipline-record/messages.js';

/**
 * react-admin's translate over 记录违纪's own words, as the console merges them
 * (`resources.discipline-record.*`): %{name} filled in, the first plural form in Chinese and the
 * second in English when the count is not 1 (polyglot's rule for the two), `_` for a key it lacks.
 */
export function translator(lang: 'zh-CN' | 'en') {
  return (key: string, options: Record<string, unknown> = {}): string => {
    const prefix = 'resources.discipline-record.';
    const node = key.startsWith(prefix)
      ? key.slice(prefix.length).split('.').reduce<unknown>((n, part) => (n as Record<string, unknown> | undefined)?.[part], disciplineRecordMessages[lang])
      : undefined;
    if (typeof node !== 'string') return typeof options._ === 'string' ? options._ : key;
    const forms = node.split(' |||| ');
    const count = options.smart_count;
    const text = forms.length > 1 && lang === 'en' && count !== 1 ? forms[1]! : forms[0]!;
    return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? `%{${name}}`));
  };
}
