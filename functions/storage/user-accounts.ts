/**
 * The account's own writes (#13 item 4): its password and whether it is enabled. Each is
 * version-checked (a concurrent change is a 409, never overwritten) and audited in the same
 * transaction; neither audit record holds a hash. Both raise the session epoch, which ends
 * every session and bearer token of the account at once (storage/sessions.ts).
 */
import { DomainError } from '../domain/errors.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { userKey } from './keys.js';
import { transact, type TxItem } from './transact.js';
import { sessionEpochOf, type StoredUser } from './users.js';

type AccountAudit = Omit<AuditInput, 'entityType' | 'entityId' | 'before' | 'after' | 'action'>;

const conflict = (user: StoredUser) => (current: Record<string, unknown> | undefined) =>
  current ? new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: user.version }) : new DomainError('USER.NOT_FOUND', 'id');

/**
 * Sets a new password hash: a new epoch (every session ends), the console's prompt cleared.
 * `extra` lands with it (the reset link it uses up). Returns the account as now stored.
 */
export async function setPassword(
  store: Store,
  user: StoredUser,
  passwordHash: string,
  action: 'password.change' | 'password.reset',
  audit: AccountAudit,
  extra: TxItem[] = [],
): Promise<StoredUser> {
  const next: StoredUser = {
    ...user, passwordHash, sessionEpoch: sessionEpochOf(user) + 1, mustChangePassword: false, passwordChangedAt: audit.at, version: user.version + 1, updatedAt: audit.at,
  };
  await transact(store, [
    {
      write: {
        Update: {
          TableName: store.table,
          Key: userKey(user.id),
          UpdateExpression: 'SET passwordHash = :h, sessionEpoch = :e, mustChangePassword = :f, passwordChangedAt = :at, version = :next, updatedAt = :at',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':h': passwordHash, ':e': next.sessionEpoch, ':f': false, ':at': audit.at, ':next': next.version, ':v': user.version },
        },
      },
      onConditionFailed: conflict(user),
    },
    ...extra,
    {
      write: auditPut(store, {
        ...audit, action, entityType: 'user', entityId: user.id,
        before: { passwordChangedAt: user.passwordChangedAt ?? null, mustChangePassword: user.mustChangePassword ?? false },
        after: { passwordChangedAt: audit.at, mustChangePassword: false },
      }),
    },
  ]);
  return next;
}

/**
 * The writes that disable or enable an account, for a transaction of their own or of the
 * change that calls for them (an employee leaving). Disabling raises the epoch: its sessions
 * end for good, and enabling does not bring them back (the person signs in again); API keys
 * the account created stop while it is disabled and work again once it is enabled
 * (http/middleware/authenticate.ts).
 */
export function userStatusWrites(store: Store, user: StoredUser, status: 'active' | 'disabled', audit: AccountAudit, reason?: 'left'): TxItem[] {
  const epoch = status === 'disabled' ? sessionEpochOf(user) + 1 : sessionEpochOf(user);
  return [
    {
      write: {
        Update: {
          TableName: store.table,
          Key: userKey(user.id),
          UpdateExpression: 'SET #status = :s, sessionEpoch = :e, version = :next, updatedAt = :at',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':s': status, ':e': epoch, ':next': user.version + 1, ':at': audit.at, ':v': user.version },
        },
      },
      onConditionFailed: conflict(user),
    },
    {
      write: auditPut(store, {
        ...audit, action: status === 'disabled' ? 'disable' : 'enable', entityType: 'user', entityId: user.id,
        before: { status: user.status }, after: { status, ...(reason ? { reason } : {}) },
      }),
    },
  ];
}

export async function setUserStatus(store: Store, user: StoredUser, status: 'active' | 'disabled', audit: AccountAudit): Promise<StoredUser> {
  await transact(store, userStatusWrites(store, user, status, audit));
  return { ...user, status, sessionEpoch: status === 'disabled' ? sessionEpochOf(user) + 1 : sessionEpochOf(user), version: user.version + 1, updatedAt: audit.at };
}
