import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/**
 * The tab's title and the page's language follow the console's: `<html lang>` says zh-CN or
 * en as the text does, so a screen reader reads it with the right voice (WCAG 3.1.1; index.html
 * starts as zh-CN, the default).
 */
export function useDocumentLanguage(): void {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  useEffect(() => {
    document.title = translate('app.title');
    document.documentElement.lang = locale;
  }, [translate, locale]);
}
