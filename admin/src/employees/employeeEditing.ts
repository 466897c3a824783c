import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';
import { canEditPeople } from '../providers/authProvider.js';
import { writeFieldOf, type SheetColumn } from '../sheet/types.js';

/** Every field of an employee record a PATCH may change: whoever may change them all edits the whole form. */
export const EMPLOYEE_WRITE_FIELDS = [
  'employeeNo', 'name', 'email', 'phone', 'post', 'level', 'status', 'superiorId', 'teamId', 'hireDate', 'probationEndDate',
] as const;

export interface PeopleEditing {
  /** The record fields this user may write on the people they see. */
  fields: ReadonlySet<string>;
  /** All of them: the record's edit form is theirs too. */
  full: boolean;
}

/**
 * What the people sheet lets this user change, as the server says in /users/me
 * (`editableEmployeeFields`: everything for HR and admins, the org policy's
 * managerEditableFields for supervisors and CS managers, nothing for the rest). An older API
 * says nothing: then HR and admins edit everything and everyone else reads.
 */
export function peopleEditing(identity: { roles?: readonly string[]; editableEmployeeFields?: readonly string[] } | undefined): PeopleEditing {
  const listed = identity?.editableEmployeeFields;
  const fields = new Set<string>(listed ?? (canEditPeople(identity?.roles) ? EMPLOYEE_WRITE_FIELDS : []));
  return { fields, full: EMPLOYEE_WRITE_FIELDS.every((f) => fields.has(f)) };
}

/**
 * The columns with `editable` kept only where the user may write the field: a reference column
 * by the field it writes (直属上级 → superiorId, 团队 → teamId), the others by their own.
 */
export function editableColumns<T>(columns: ReadonlyArray<SheetColumn<T>>, editing: PeopleEditing): Array<SheetColumn<T>> {
  return columns.map((c) => (c.editable && !editing.fields.has(writeFieldOf(c)) ? { ...c, editable: false } : c));
}

/** The people this user may change, read from the cached identity (/users/me). */
export function usePeopleEditing(): PeopleEditing & { isPending: boolean } {
  const { identity, isPending } = useGetIdentity();
  // One object per identity: the sheet's columns are memoised on it.
  return useMemo(() => ({ ...peopleEditing(identity as Parameters<typeof peopleEditing>[0]), isPending }), [identity, isPending]);
}
