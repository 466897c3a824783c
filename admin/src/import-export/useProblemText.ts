import { useLocaleState, useTranslate } from 'react-admin';
import { CHOICE_FIELDS, choiceKey, type ChoiceField } from '../employees/employeeChoices';
import { headerOf, type FileLanguage } from './peopleColumns';
import type { CellProblem } from './planImport';

/**
 * A problem as the reader sees it: the console's own are catalog keys (an unknown choice lists
 * the accepted labels), the server's are already in the UI language.
 */
export function useProblemText(): { text: (p: CellProblem) => string; withColumn: (p: CellProblem) => string; language: FileLanguage } {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language: FileLanguage = locale === 'en' ? 'en' : 'zh-CN';
  const text = (p: CellProblem): string => {
    if (!p.message.startsWith('app.')) return p.message;
    const params = { ...p.params };
    const field = params.field as ChoiceField | undefined;
    if (field && field in CHOICE_FIELDS) {
      params.options = CHOICE_FIELDS[field].map((v) => translate(choiceKey(field, v))).join(language === 'en' ? ', ' : '、');
    }
    return translate(p.message, params);
  };
  const withColumn = (p: CellProblem) => (p.column ? `${headerOf(p.column, language)}：${text(p)}` : text(p));
  return { text, withColumn, language };
}
