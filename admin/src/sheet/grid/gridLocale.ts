import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';

/**
 * An empty grid says what is empty and what to do, not AG Grid's "无显示行" / "No Rows To Show":
 * a list (the sheet) may be empty because of a filter or a search; a policy table, because no
 * row was added yet.
 */
const NO_ROWS = {
  list: { zh: '没有符合条件的记录。若设置了筛选或搜索，请清除后再看。', en: 'Nothing matches. If a filter or search is set, clear it to see everything.' },
  table: { zh: '表中还没有行。点击“插入行”，或从 Excel 粘贴。', en: 'No rows yet. Use Insert row, or paste from Excel.' },
} as const;

/** zh-CN when the console is in Chinese, else English. */
export function gridLocaleText(locale: string, empty: keyof typeof NO_ROWS = 'list'): Record<string, string> {
  const zh = locale.startsWith('zh');
  return { ...(zh ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN), noRowsToShow: NO_ROWS[empty][zh ? 'zh' : 'en'] };
}
