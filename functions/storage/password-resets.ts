/**
 * Password reset links (#13 item 4). The mailed link carries a random token; the table holds
 * only its SHA-256 (a leaked table opens no account), the account, the account's session
 * epoch when it was issued, and when it expires. A link works once: setting the password
 * marks it used in the same transaction, on condition that it was not. A password changed
 * since the link was issued (a new epoch) makes it void too.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { Store } from './client.js';
import { passwordResetKey } from './keys.js';
import type { TxItem } from './transact.js';

export interface PasswordReset {
  userId: string;
  /** The account's session epoch when the link was issued. */
  epoch: number;
  createdAt: string;
  /** Epoch seconds; also the TTL (DynamoDB Local never expires items: readers check it). */
  expiresAt: number;
  /** Who asked: an administrator's user id, or null for the owner (忘记密码). */
  requestedBy: string | null;
  usedAt?: string;
}

export function passwordResetPut(store: Store, tokenHash: string, reset: PasswordReset): TxItem {
  return {
    write: {
      Put: {
        TableName: store.table,
        Item: { ...passwordResetKey(tokenHash), entity: 'passwordReset', ...reset },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function getPasswordReset(store: Store, tokenHash: string): Promise<PasswordReset | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: passwordResetKey(tokenHash), ConsistentRead: true }));
  if (!out.Item) return null;
  const { pk: _pk, sk: _sk, entity: _e, ...reset } = out.Item;
  return reset as PasswordReset;
}

/** Marks the link used, in the transaction that sets the password: only if unused and unexpired. */
export function consumePasswordReset(store: Store, tokenHash: string, at: string, nowSeconds: number): TxItem {
  return {
    write: {
      Update: {
        TableName: store.table,
        Key: passwordResetKey(tokenHash),
        UpdateExpression: 'SET usedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
        ExpressionAttributeValues: { ':at': at, ':now': nowSeconds },
      },
    },
    onConditionFailed: (current) =>
      new DomainError(!current ? 'AUTH.RESET_LINK_INVALID' : current.usedAt ? 'AUTH.RESET_LINK_USED' : 'AUTH.RESET_LINK_EXPIRED', 'token'),
  };
}
