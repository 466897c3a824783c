/**
 * What each sheet's list shows when neither the address nor the stored list params say
 * otherwise: the list components take their defaults from here, and so does the read of the
 * first block started before React (providers/earlyRead.ts), which must ask for exactly
 * what the grid will.
 */
export interface SheetListDefaults {
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

export const SHEET_LISTS = {
  employees: { filter: {}, sort: { field: 'employeeNo', order: 'ASC' } },
  approvals: { filter: { status: 'pending' } },
  'probation-reviews': { filter: { status: 'in_review' } },
  requisitions: { filter: {} },
} as const satisfies Record<string, SheetListDefaults>;

export type SheetListResource = keyof typeof SHEET_LISTS;

/**
 * The sheet list a page address opens (`#/employees`, `#/approvals?filter=…`), and whether the
 * address carries list params of its own; undefined for any other page.
 */
export function sheetAtAddress(hash: string): { resource: SheetListResource; withParams: boolean } | undefined {
  const match = /^#\/([\w-]+)\/?(\?.*)?$/.exec(hash);
  const resource = match?.[1];
  return resource && Object.hasOwn(SHEET_LISTS, resource) ? { resource: resource as SheetListResource, withParams: !!match[2] } : undefined;
}

/** Rows a grid reads a block at a time (AG Grid's cacheBlockSize). */
export const SHEET_BLOCK_SIZE = 100;
