/**
 * One email, one person (#12 item 6): an address belongs to at most one employee and at most
 * one account, and an account may share it only with the employee it is linked to. Two guard
 * items hold this under concurrency, each written in the transaction of the change:
 * - `EMPEMAIL#<email>` → `employeeId` (this file);
 * - `USEREMAIL#<email>` → `userId`, `employeeId` (the sign-in lookup, users.ts).
 * Each write claims its own guard (`attribute_not_exists`) and checks the other one: an
 * employee's address may be held by an account only if that account is theirs, and the reverse.
 *
 * Changing an employee's address moves their account's sign-in address with it, in the same
 * transaction, audited on the account.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { employeeEmailKey, userEmailKey, userKey } from './keys.js';
import type { TxItem } from './transact.js';
import type { User } from './users.js';

/** A person's address as guarded: case never makes two addresses. */
export const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const taken = (email: string) => () => new DomainError('EMPLOYEE.EMAIL_TAKEN', 'email', { email });

export interface EmailHolders {
  employeeId: string | null;
  userId: string | null;
  /** The employee the holding account is linked to. */
  userEmployeeId: string | null;
}

/** Who holds an address now, in one BatchGet (for a clear answer before writing; the write itself re-checks). */
export async function emailHolders(store: Store, email: string): Promise<EmailHolders> {
  const out = await store.doc.send(new BatchGetCommand({
    RequestItems: { [store.table]: { Keys: [employeeEmailKey(email), userEmailKey(email)], ConsistentRead: true } },
  }));
  const items = out.Responses?.[store.table] ?? [];
  const emp = items.find((i) => String(i.pk).startsWith('EMPEMAIL#'));
  const user = items.find((i) => String(i.pk).startsWith('USEREMAIL#'));
  return {
    employeeId: (emp?.employeeId as string | undefined) ?? null,
    userId: (user?.userId as string | undefined) ?? null,
    userEmployeeId: (user?.employeeId as string | undefined) ?? null,
  };
}

/** Throws EMPLOYEE.EMAIL_TAKEN when the address belongs to someone other than this employee (or their account). */
export async function assertEmployeeEmailFree(store: Store, email: string, employeeId: string): Promise<void> {
  const h = await emailHolders(store, email);
  if ((h.employeeId && h.employeeId !== employeeId) || (h.userId && h.userEmployeeId !== employeeId)) taken(email)();
}

/** The guard writes of a new employee's address. */
export function newEmployeeEmailWrites(store: Store, employeeId: string, email: string): TxItem[] {
  return [
    {
      write: { Put: { TableName: store.table, Item: { ...employeeEmailKey(email), employeeId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: taken(email),
    },
    {
      write: {
        ConditionCheck: {
          TableName: store.table,
          Key: userEmailKey(email),
          ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :e',
          ExpressionAttributeValues: { ':e': employeeId },
        },
      },
      onConditionFailed: taken(email),
    },
  ];
}

/**
 * The writes of an employee's address change: their guard moves, and the linked account (if
 * any) signs in with the new address from now on — its guard, its record (version-checked) and
 * an audit record of the account, all with the employee's change.
 */
export function employeeEmailChangeWrites(
  store: Store,
  change: { employeeId: string; from: string; to: string; account: User | null },
  audit: Omit<AuditInput, 'entityType' | 'entityId' | 'action' | 'before' | 'after'>,
): TxItem[] {
  const { employeeId, from, to, account } = change;
  const items: TxItem[] = [];
  if (!sameEmail(from, to)) {
    items.push(
      {
        write: { Put: { TableName: store.table, Item: { ...employeeEmailKey(to), employeeId }, ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: taken(to),
      },
      {
        write: {
          Delete: {
            TableName: store.table,
            Key: employeeEmailKey(from),
            ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :e',
            ExpressionAttributeValues: { ':e': employeeId },
          },
        },
      },
    );
  }
  if (!account) {
    if (!sameEmail(from, to)) {
      items.push({
        write: {
          ConditionCheck: {
            TableName: store.table,
            Key: userEmailKey(to),
            ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :e',
            ExpressionAttributeValues: { ':e': employeeId },
          },
        },
        onConditionFailed: taken(to),
      });
    }
    return items;
  }
  if (account.email === to) return items;
  if (!sameEmail(account.email, to)) {
    items.push(
      {
        write: {
          Put: {
            TableName: store.table,
            Item: { ...userEmailKey(to), userId: account.id, employeeId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: taken(to),
      },
      {
        write: {
          Delete: {
            TableName: store.table,
            Key: userEmailKey(account.email),
            ConditionExpression: 'attribute_not_exists(pk) OR userId = :u',
            ExpressionAttributeValues: { ':u': account.id },
          },
        },
      },
    );
  }
  items.push(
    {
      write: {
        Update: {
          TableName: store.table,
          Key: userKey(account.id),
          UpdateExpression: 'SET email = :to, gsi1sk = :sk, version = :next, updatedAt = :at',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':to': to, ':sk': to.toLowerCase(), ':next': account.version + 1, ':at': audit.at, ':v': account.version },
        },
      },
      onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: account.version }),
    },
    {
      write: auditPut(store, {
        ...audit, entityType: 'user', entityId: account.id, action: 'update',
        before: { email: account.email }, after: { email: to },
      }),
    },
  );
  return items;
}

/** The check an account's address makes against the employees' guards: free, or held by the employee it is linked to. */
export function accountEmailCheck(store: Store, email: string, employeeId: string | null): TxItem {
  return {
    write: {
      ConditionCheck: {
        TableName: store.table,
        Key: employeeEmailKey(email),
        ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :e',
        ExpressionAttributeValues: { ':e': employeeId ?? '-' },
      },
    },
    onConditionFailed: () => new DomainError('USER.EMAIL_TAKEN', 'email', { email }),
  };
}
