import { createContext, useContext } from 'react';
import type { SheetRow } from './types.js';

/**
 * What a sheet tells the buttons put in its toolbar (`toolbarExtra`: import, export): the
 * selection, the columns as the user arranged them, and a way to reload after a write.
 */
export interface SheetContextValue {
  resource: string;
  /** The selected rows that are loaded, in display order. */
  selectedRows: SheetRow[];
  /** The visible columns in display order, with their headers in the UI language. */
  visibleColumns(): Array<{ field: string; label: string }>;
  /** Reads the loaded rows again (after an import). */
  refresh(): void;
}

export const SheetContext = createContext<SheetContextValue | null>(null);

/** Null outside a sheet's toolbar. */
export function useSheetContext(): SheetContextValue | null {
  return useContext(SheetContext);
}
