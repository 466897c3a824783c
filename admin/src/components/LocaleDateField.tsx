import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const DATE_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * A date in the UI language's format (zh-CN: 2024年3月1日). Date-only values (YYYY-MM-DD,
 * hire dates) are calendar days, so they are formatted in UTC and never shift a day with the
 * viewer's time zone; timestamps (showTime) are shown in local time.
 */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} options={props.showTime ? DATE_TIME : DATE_ONLY} {...props} />;
};
