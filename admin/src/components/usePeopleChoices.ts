import { useMemo } from 'react';
import { useGetIdentity, useGetList } from 'react-admin';
import { useNameList } from './useNameList';

/** GET /users/directory: everyone who can be picked (names only). */
export interface DirectoryEntry {
  id: string;
  name: string;
  employeeId: string | null;
  roles: string[];
}

/**
 * The people a picker offers (转交, 加签, 抄送, 代理): the company directory, read once it is
 * needed, without me and — when the request is about someone — without that person. The
 * API has the last word on anyone else it refuses.
 */
export function usePeopleChoices({ enabled, subjectEmployeeId = null }: { enabled: boolean; subjectEmployeeId?: string | null }) {
  const { identity } = useGetIdentity();
  const { data, isPending } = useGetList<DirectoryEntry>(
    'user-directory',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled },
  );
  const choices = useMemo(
    () => (data ?? []).filter((p) => p.id !== identity?.id && (!subjectEmployeeId || p.employeeId !== subjectEmployeeId)),
    [data, identity?.id, subjectEmployeeId],
  );
  const nameList = useNameList();
  const nameOf = (id: unknown) => choices.find((p) => p.id === id)?.name ?? '';
  /** The picked people's names as one phrase, for "已抄送给 张三和李四". */
  const namesOf = (ids: readonly unknown[]) => nameList(ids.map(nameOf));
  return { choices, isPending, nameOf, namesOf };
}
