import type { CellClassParams, ColDef, ICellRendererComp, ICellRendererParams, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import { headerSort } from '../blocks';
import { refName, refOption } from '../refValues';
import type { CellStatus } from '../rowWrites';
import { fieldOf, type SheetColumn, type SheetRow } from '../types';

/** The id of the leading column that links to the record. */
export const OPEN_COLUMN = '_open';

export interface ColDefOptions {
  resource: string;
  translate: (key: string, options?: Record<string, unknown>) => string;
  locale: string;
  sort: { field?: string; order?: string } | undefined;
  editable: boolean;
  openLink?: 'show' | 'edit';
  /** The address of a record's page (`#/employees/…`), for the link column. */
  href?: (id: string) => string;
  statusOf(id: string, field: string): CellStatus | undefined;
}

const WIDTHS = { text: 140, choice: 120, date: 130, datetime: 170, number: 110, money: 130, ref: 120 } as const;

export function columnLabel(column: SheetColumn, resource: string, translate: ColDefOptions['translate']): string {
  return translate(column.label ?? `resources.${resource}.fields.${column.field}`, { _: column.field });
}

export function choiceLabel(resource: string, translate: ColDefOptions['translate']) {
  return (column: SheetColumn, value: string) =>
    translate(column.choiceKey ? column.choiceKey(value) : `resources.${resource}.choices.${column.field}.${value}`, { _: value });
}

/**
 * Display text by type, in the UI language (2025年3月1日, ¥6,500.00). A reference shows the
 * option's name, or the name its row came with (`row`, when the value is the row's own).
 */
export function formatter(column: SheetColumn, options: ColDefOptions): (value: unknown, row?: SheetRow) => string {
  const { locale } = options;
  const label = choiceLabel(options.resource, options.translate);
  switch (column.type ?? 'text') {
    case 'choice':
      return (v) => (v == null || v === '' ? '' : label(column, String(v)));
    case 'ref':
      return (v, row) => refName(column, v, row);
    case 'date': {
      // Calendar days: formatted in UTC so no time zone moves them a day.
      const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      return (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? f.format(new Date(`${v}T00:00:00Z`)) : v == null ? '' : String(v));
    }
    case 'datetime': {
      const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
      return (v) => (typeof v === 'string' && v ? f.format(new Date(v)) : '');
    }
    case 'number': {
      const f = new Intl.NumberFormat(locale);
      return (v) => (typeof v === 'number' ? f.format(v) : '');
    }
    case 'money': {
      const f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
      return (v) => (typeof v === 'number' ? f.format(v) : '');
    }
    default:
      return (v) => (v == null ? '' : String(v));
  }
}

const EDITORS = {
  text: 'agTextCellEditor', choice: 'agSelectCellEditor', date: 'agDateStringCellEditor', datetime: undefined,
  number: 'agNumberCellEditor', money: 'agNumberCellEditor', ref: 'agSelectCellEditor',
} as const;

/**
 * A reference column's cell value is the id it writes (superiorId), shown as a name. The pick
 * list (AG Grid Community's select; the rich select is Enterprise) formats its options with no
 * row node: there they read as labels, 徐欣怡 (E0003), so two people of one name differ.
 */
function refColDef(column: SheetColumn, editable: boolean): Partial<ColDef<SheetRow>> {
  const ref = column.ref!;
  return {
    valueGetter: (p) => (p.data ? fieldOf(p.data, ref.writeField) : undefined),
    valueFormatter: (p: ValueFormatterParams<SheetRow>) => (p.node ? refName(column, p.value, p.data) : refOption(column, p.value)?.label ?? ''),
    ...(editable
      ? { cellEditorParams: { values: [...ref.options.map((o) => o.id), ...(column.nullable ? [null] : [])], valueListMaxHeight: 320 } }
      : {}),
  };
}

export function toColDefs(columns: readonly SheetColumn[], options: ColDefOptions): ColDef<SheetRow>[] {
  const defs = columns.map((column): ColDef<SheetRow> => {
    const type = column.type ?? 'text';
    const format = formatter(column, options);
    const status = (p: CellClassParams<SheetRow> | ITooltipParams<SheetRow>) => (p.data ? options.statusOf(p.data.id, column.field) : undefined);
    const editable = options.editable && !!column.editable && !column.render && !column.value;
    return {
      colId: column.field,
      field: column.field as never,
      headerName: columnLabel(column, options.resource, options.translate),
      headerTooltip: columnLabel(column, options.resource, options.translate),
      cellDataType: false,
      initialWidth: column.width ?? WIDTHS[type],
      initialHide: column.hidden ?? false,
      ...(column.pinned ? { initialPinned: column.pinned } : {}),
      sortable: !!column.sortable,
      ...(column.sortable ? { sort: headerSort(options.sort, column.field), sortingOrder: ['asc', 'desc'] as const } : {}),
      ...(column.value ? { valueGetter: (p) => (p.data ? column.value!(p.data) : undefined) } : {}),
      ...(column.render
        ? { cellRenderer: (p: ICellRendererParams<SheetRow>) => (p.data ? column.render!(p.data) : null) }
        : { valueFormatter: (p: ValueFormatterParams<SheetRow>) => format(p.value) }),
      editable,
      ...(editable && EDITORS[type] ? { cellEditor: EDITORS[type] } : {}),
      ...(editable && type === 'choice' ? { cellEditorParams: { values: [...(column.choices ?? []), ...(column.nullable ? [null] : [])] } } : {}),
      ...(type === 'number' || type === 'money' ? { type: 'rightAligned' } : {}),
      ...(type === 'ref' && column.ref ? refColDef(column, editable) : {}),
      cellClassRules: {
        'sheet-cell-editable': () => editable,
        'sheet-cell-saving': (p) => status(p)?.kind === 'saving',
        'sheet-cell-error': (p) => status(p)?.kind === 'error',
        'sheet-cell-conflict': (p) => status(p)?.kind === 'conflict',
      },
      tooltipValueGetter: (p) => {
        const s = status(p);
        return s && s.kind !== 'saving' ? s.message : undefined;
      },
    };
  });
  if (!options.openLink || !options.href) return defs;
  const open: ColDef<SheetRow> = {
    colId: OPEN_COLUMN,
    headerName: '',
    width: 44,
    initialPinned: 'left',
    sortable: false,
    resizable: false,
    suppressMovable: true,
    lockPosition: 'left',
    cellRenderer: OpenLinkCell,
    cellRendererParams: { href: options.href, label: options.translate('sheet.open') } satisfies OpenLinkParams,
  };
  return [open, ...defs];
}

/**
 * The record's page (its edit form for HR, else its page): a plain link, not a React component,
 * as it is drawn for every row scrolled into view.
 */
class OpenLinkCell implements ICellRendererComp<SheetRow> {
  private readonly link = document.createElement('a');

  init(params: ICellRendererParams<SheetRow> & OpenLinkParams): void {
    this.link.className = 'sheet-open-link';
    this.link.tabIndex = -1;
    this.link.innerHTML = OPEN_ICON;
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.link;
  }

  refresh(params: ICellRendererParams<SheetRow> & OpenLinkParams): boolean {
    this.link.style.visibility = params.data ? 'visible' : 'hidden';
    this.link.href = params.data ? params.href(params.data.id) : '#';
    this.link.setAttribute('aria-label', params.label);
    this.link.title = params.label;
    return true;
  }
}

interface OpenLinkParams {
  href(id: string): string;
  label: string;
}

// @mui/icons-material OpenInNew, as markup.
const OPEN_ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="currentColor"><path d="M19 19H5V5h7V3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2v-7h-2zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3z"/></svg>';
