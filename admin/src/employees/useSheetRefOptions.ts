import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { RefOption } from '../sheet/types';
import { SUPERIOR_POSTS, superiorOptions, teamOptions, type OrgUnitLike } from './sheetRefOptions';
import type { Employee } from './types';

/** The API's largest page: one request per leading post covers any department we know of. */
const PER_POST = 200;

const NONE: readonly RefOption[] = [];

/**
 * What the people sheet's 直属上级 and 团队 columns offer, read once when the sheet opens for
 * someone who may change them: the leaders the user can see (one page per leading post) and
 * the org units (one request, the API returns them whole).
 */
export function useSheetRefOptions(enabled: boolean): { ready: boolean; superiors: readonly RefOption[]; teams: readonly RefOption[] } {
  const { data } = useConsoleQuery(
    'employees:sheet-ref-options',
    async (dp) => {
      const [people, units] = await Promise.all([
        Promise.all(
          SUPERIOR_POSTS.map((post) =>
            dp.getList<Employee>('employees', { filter: { post }, pagination: { page: 1, perPage: PER_POST }, sort: { field: 'employeeNo', order: 'ASC' } }),
          ),
        ),
        dp.getList<OrgUnitLike & { id: string }>('org-units', { filter: {}, pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } }),
      ]);
      return { data: { superiors: superiorOptions(people.flatMap((p) => p.data)), teams: teamOptions(units.data) } };
    },
    { enabled },
  );
  return { ready: data !== undefined, superiors: data?.superiors ?? NONE, teams: data?.teams ?? NONE };
}
