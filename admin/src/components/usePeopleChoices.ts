import { useMemo } from 'react';
import { useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { pickerLabel } from './pickerLabel';
import { useNameList } from './useNameList';

/** GET /users/directory: everyone who can be picked (names only). */
export interface DirectoryEntry {
  id: string;
  name: string;
  employeeId: string | null;
  roles: string[];
  /** The linked employee's post and team, shown beside the name (null for an account with no employee). */
  post?: string | null;
  teamName?: string | null;
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
  const translate = useTranslate();
  // `label` tells two people of one name apart: 张伟 · 主管 · 客户服务中心.
  const choices = useMemo(
    () => (data ?? [])
      .filter((p) => p.id !== identity?.id && (!subjectEmployeeId || p.employeeId !== subjectEmployeeId))
      .map((p) => ({ ...p, label: pickerLabel(p.name, p.post ? translate(`resources.employees.choices.post.${p.post}`) : null, p.teamName ?? null) })),
    [data, identity?.id, subjectEmployeeId, translate],
  );
  const nameList = useNameList();
  const nameOf = (id: unknown) => choices.find((p) => p.id === id)?.name ?? '';
  /** The picked people's names as one phrase, for "已抄送给 张三和李四". */
  const namesOf = (ids: readonly unknown[]) => nameList(ids.map(nameOf));
  return { choices, isPending, nameOf, namesOf };
}
