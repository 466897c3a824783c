import { useCallback, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { writeFieldOf, type SheetColumn, type SheetRow } from '../types';
import { choiceLabel, columnLabel, formatter } from './colDefs';

/**
 * How the sheet names things outside the grid (previews, results, conflicts): columns by their
 * headers, values as the cells show them, and the server's field messages in the UI language.
 * A change or an error names the field written (superiorId): it reads as its column (直属上级).
 */
export function useSheetLabels(resource: string, columns: readonly SheetColumn[]) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = useMemo(() => choiceLabel(resource, translate), [resource, translate]);
  const byField = useMemo(() => new Map(columns.flatMap((c) => [[writeFieldOf(c), c], [c.field, c]] as const)), [columns]);
  const formats = useMemo(
    () => new Map([...byField].map(([field, c]) => [field, formatter(c, { resource, translate, locale, sort: undefined, editable: false, statusOf: () => undefined })])),
    [byField, resource, translate, locale],
  );

  const labelOf = useCallback((field: string) => {
    const column = byField.get(field);
    return column ? columnLabel(column, resource, translate) : translate(`resources.${resource}.fields.${field}`, { _: field });
  }, [byField, resource, translate]);

  const formatOf = useCallback((field: string, value: unknown, row?: SheetRow) => {
    const format = formats.get(field);
    return format ? format(value, row) : value == null ? '' : String(value);
  }, [formats]);

  // The API names some format errors by the field alone ("phone"): say it in the UI language.
  const fieldMessage = useCallback(
    (field: string, message: string) => (message === field ? translate('sheet.parse.invalid', { column: labelOf(field) }) : message),
    [translate, labelOf],
  );

  return { translate, locale, label, labelOf, formatOf, fieldMessage };
}
