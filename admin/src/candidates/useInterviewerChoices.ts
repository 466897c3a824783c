import { useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { pickerLabel } from '../components/pickerLabel';
import type { DirectoryEntry } from '../components/usePeopleChoices';

/**
 * The people an interview may name (面试官): everyone in the directory with an employee record
 * — HR scheduling may name themselves too (seed 000: HR sits on the second round). The choice's
 * id is the employee id POST /interviews takes; the API refuses one without an active account.
 */
export function useInterviewerChoices(enabled: boolean) {
  const translate = useTranslate();
  const { data, isPending } = useGetList<DirectoryEntry>('user-directory', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } }, { enabled });
  const choices = useMemo(
    () => (data ?? [])
      .filter((p): p is DirectoryEntry & { employeeId: string } => !!p.employeeId)
      .map((p) => ({ id: p.employeeId, label: pickerLabel(p.name, p.post ? translate(`resources.employees.choices.post.${p.post}`) : null, p.teamName ?? null) })),
    [data, translate],
  );
  return { choices, isPending };
}
