import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { accountEmailCheck } from './emails.js';
import type { Role } from '../domain/auth/roles.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { USERS, roleMemberKey, stripKeys, userEmailKey, userEmployeePk, userKey } from './keys.js';
import { transact, type TxItem } from './transact.js';

export interface User {
  id: string;
  email: string;
  roles: Role[];
  employeeId: string | null;
  name: string;
  language: 'zh-CN' | 'en';
  status: 'active' | 'disabled';
  /** 代理: while today is within [from, to] (company dates), new tasks go to the delegate. */
  delegation?: Delegation | null;
  /** Set on accounts whose password others know (the demo logins): the console asks for a new one. */
  mustChangePassword?: boolean;
  /** When the password was last changed or reset (absent: never since the account was made). */
  passwordChangedAt?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Delegation {
  delegateId: string;
  delegateName: string;
  /** Company-time dates, inclusive: YYYY-MM-DD. */
  from: string;
  to: string;
  setById: string;
  setByName: string;
  setAt: string;
}

export type StoredUser = User & {
  passwordHash: string;
  /**
   * Sessions carry the epoch they were made in; one made before the current epoch is no
   * session (storage/sessions.ts). Raised when the password changes or the account is
   * disabled, so every session and bearer token of the account ends in one write.
   */
  sessionEpoch?: number;
};

function userItem(u: StoredUser): Record<string, unknown> {
  return {
    ...userKey(u.id),
    entity: 'user',
    ...u,
    gsi1pk: USERS,
    gsi1sk: u.email.toLowerCase(),
    ...(u.employeeId ? { gsi3pk: userEmployeePk(u.employeeId), gsi3sk: 'USER' } : {}),
  };
}

/** An account as it leaves the API: no hash, no epoch, the prompt flag always present. */
export type PublicUser = User & { mustChangePassword: boolean };

export function publicUser(u: StoredUser | User): PublicUser {
  const { passwordHash: _omit, sessionEpoch: _epoch, ...rest } = u as StoredUser;
  return { ...rest, mustChangePassword: rest.mustChangePassword ?? false };
}

export function sessionEpochOf(u: StoredUser): number {
  return u.sessionEpoch ?? 0;
}

export async function getUser(store: Store, id: string): Promise<StoredUser | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: userKey(id) }));
  return out.Item ? (stripKeys(out.Item) as StoredUser) : null;
}

export async function getUserByEmail(store: Store, email: string): Promise<StoredUser | null> {
  const guard = await store.doc.send(new GetCommand({ TableName: store.table, Key: userEmailKey(email) }));
  const userId = guard.Item?.userId as string | undefined;
  return userId ? getUser(store, userId) : null;
}

export async function findUserByEmployee(store: Store, employeeId: string): Promise<User | null> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': userEmployeePk(employeeId) },
      Limit: 1,
    }),
  );
  const item = out.Items?.[0];
  return item ? publicUser(stripKeys(item) as StoredUser) : null;
}

/** The account of an employee as stored (for writes that check its version and epoch), or null. */
export async function findAccountOfEmployee(store: Store, employeeId: string): Promise<StoredUser | null> {
  const found = await findUserByEmployee(store, employeeId);
  return found ? getUser(store, found.id) : null;
}

export async function createUser(store: Store, user: StoredUser, audit: AuditInput): Promise<void> {
  await transact(store, userCreateWrites(store, user, audit));
}

/** A new account's writes (the email guard, the record, its role memberships, the audit), for a caller's transaction. */
export function userCreateWrites(store: Store, user: StoredUser, audit: AuditInput): TxItem[] {
  return [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...userEmailKey(user.email), userId: user.id, ...(user.employeeId ? { employeeId: user.employeeId } : {}) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new DomainError('USER.EMAIL_TAKEN', 'email', { email: user.email }),
    },
    accountEmailCheck(store, user.email, user.employeeId),
    { write: { Put: { TableName: store.table, Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' } } },
    // One membership item per role, so "any HR member" is a Query, not a Scan.
    ...user.roles.map((role) => ({
      write: { Put: { TableName: store.table, Item: { ...roleMemberKey(role, user.id), entity: 'roleMember', userId: user.id } } },
    })),
    { write: auditPut(store, { ...audit, after: publicUser(user) as unknown as Record<string, unknown> }) },
  ];
}

/** Active users holding a role (or-sign groups such as "any HR member"); at most 100. */
export async function usersWithRole(store: Store, role: Role): Promise<User[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': roleMemberKey(role, '').pk },
      Limit: 100,
    }),
  );
  const ids = (out.Items ?? []).map((i) => i.userId as string);
  return (await getUsersByIds(store, ids)).filter((u) => u.status === 'active').sort((a, b) => a.email.localeCompare(b.email));
}

/** Users by id in one BatchGet, in the order asked (at most 100 ids; unknown ids are left out), without password hashes. */
export async function getUsersByIds(store: Store, ids: readonly string[]): Promise<User[]> {
  const unique = [...new Set(ids)].slice(0, 100);
  if (unique.length === 0) return [];
  const got = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: unique.map(userKey) } } }));
  const found = new Map((got.Responses?.[store.table] ?? []).map((i) => [i.id as string, publicUser(stripKeys(i) as StoredUser)]));
  return unique.flatMap((id) => found.get(id) ?? []);
}

export async function setUserLanguage(store: Store, id: string, language: 'zh-CN' | 'en', now: string): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.table,
      Key: userKey(id),
      UpdateExpression: 'SET #language = :l, updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#language': 'language' },
      ExpressionAttributeValues: { ':l': language, ':now': now },
    }),
  );
}

/**
 * Sets (or clears, with null) a user's 代理 delegation. Conditional on the version read, so a
 * concurrent change to the account fails with 409 instead of being overwritten; audited in
 * the same transaction.
 */
export async function setDelegation(
  store: Store,
  user: User,
  delegation: Delegation | null,
  audit: Omit<AuditInput, 'entityType' | 'entityId' | 'before' | 'after'>,
): Promise<User> {
  const next: User = { ...publicUser(user), delegation, version: user.version + 1, updatedAt: audit.at };
  await transact(store, [
    {
      write: {
        Update: {
          TableName: store.table,
          Key: userKey(user.id),
          UpdateExpression: 'SET #delegation = :d, version = :next, updatedAt = :at',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#delegation': 'delegation' },
          ExpressionAttributeValues: { ':d': delegation, ':next': next.version, ':at': audit.at, ':v': user.version },
        },
      },
      onConditionFailed: (current) =>
        current ? new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: user.version }) : new DomainError('USER.NOT_FOUND', 'id'),
    },
    {
      write: auditPut(store, {
        ...audit, entityType: 'user', entityId: user.id,
        before: { delegation: user.delegation ?? null }, after: { delegation },
      }),
    },
  ]);
  return next;
}

export async function listUsers(
  store: Store,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: PublicUser[]; nextCursor: string | null }> {
  const fp = { t: 'users' };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': USERS },
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, fp),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => publicUser(stripKeys(i) as StoredUser)),
    nextCursor: encodeCursor(out.LastEvaluatedKey, fp),
  };
}

/** True when at least one user exists (first-start bootstrap). */
export async function anyUserExists(store: Store): Promise<boolean> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': USERS },
      Limit: 1,
    }),
  );
  return (out.Items?.length ?? 0) > 0;
}
