import {
  CellStyleModule,
  ColumnApiModule,
  DateEditorModule,
  InfiniteRowModelModule,
  LocaleModule,
  NumberEditorModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type Module,
  type Theme as GridTheme,
} from 'ag-grid-community';
import type { Theme } from '@mui/material';

/**
 * AG Grid Community only (no licence): the modules of the free edition the sheet uses (not
 * AllCommunityModule: a third smaller), the Quartz theme in
 * the console's colours and font, and the grid's own words in the console's language.
 * Clipboard, range selection and the fill handle are Enterprise features; the sheet does its
 * own copy, paste and fill-down (gridReads.ts).
 */
export const GRID_MODULES: Module[] = [
  InfiniteRowModelModule,
  TextEditorModule,
  SelectEditorModule,
  DateEditorModule,
  NumberEditorModule,
  RowSelectionModule,
  ColumnApiModule,
  RowApiModule,
  RenderApiModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  LocaleModule,
  // Names a missing module or a wrong option in the console while developing; left out of the build.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
];

export function gridTheme(mui: Theme): GridTheme {
  // Background and text from the console's palette, so the grid follows its light/dark switch.
  return themeQuartz.withParams({
    browserColorScheme: mui.palette.mode,
    accentColor: mui.palette.primary.main,
    fontFamily: mui.typography.fontFamily ?? 'inherit',
    fontSize: 13,
    headerFontSize: 13,
    headerFontWeight: 600,
    spacing: 6,
    wrapperBorderRadius: 0,
    backgroundColor: mui.palette.background.paper,
    foregroundColor: mui.palette.text.primary,
  });
}

export { gridLocaleText } from './gridLocale';
