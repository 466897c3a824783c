/**
 * 0002: the address guards of storage/emails.ts for data written before them (#12 item 6).
 * - every employee gets its `EMPEMAIL#<email>` guard;
 * - every account's `USEREMAIL#<email>` guard learns the employee the account is linked to.
 *
 * Records are read with Queries on the indexes the app already has (gsi1 `EMPLOYEES`, gsi1
 * `USERS`), a page per checkpoint. Every write is conditional and idempotent, so a page read
 * twice changes nothing. Data that already breaks the rule — two employees with one address —
 * cannot be repaired by a migration: the first keeps the guard, and each other is logged (by id,
 * never the address) for HR to correct; its next change of address writes its own guard.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../client.js';
import { EMPLOYEES, USERS, employeeEmailKey, userEmailKey } from '../keys.js';
import type { Migration } from './migration.js';

export interface EmailGuardsCheckpoint {
  /** 0: employees, 1: accounts. */
  source: number;
  after: Record<string, unknown> | null;
  /** Employees whose address another employee already holds. */
  clashes: number;
}

type Item = NonNullable<QueryCommandOutput['Items']>[number];

const SOURCES = [EMPLOYEES, USERS];

export function emailGuards(id = '0002-email-guards', pageSize = 100): Migration<EmailGuardsCheckpoint> {
  return {
    id,
    description: 'address guards: one per employee, and the linked employee on each account’s guard',
    async run(ctx) {
      let at: EmailGuardsCheckpoint = ctx.checkpoint ?? { source: 0, after: null, clashes: 0 };
      while (at.source < SOURCES.length) {
        if (ctx.shouldPause()) return 'paused';
        const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
          TableName: ctx.store.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': SOURCES[at.source] },
          Limit: pageSize,
          ...(at.after ? { ExclusiveStartKey: at.after } : {}),
        }));
        let clashes = at.clashes;
        for (const item of page.Items ?? []) {
          if (at.source === 0 && !(await guardEmployee(ctx.store, item))) {
            clashes += 1;
            ctx.log('warn', 'an employee shares an address with another employee; HR should give them their own', { employeeId: item.id });
          }
          if (at.source === 1) await linkAccountGuard(ctx.store, item);
        }
        at = page.LastEvaluatedKey ? { ...at, after: page.LastEvaluatedKey, clashes } : { source: at.source + 1, after: null, clashes };
        await ctx.save(at);
      }
      if (at.clashes > 0) ctx.log('warn', 'employees sharing an address remain', { count: at.clashes });
      return 'done';
    },
  };
}

/** False when another employee holds the address. */
async function guardEmployee(store: Store, employee: Item): Promise<boolean> {
  if (typeof employee.email !== 'string' || !employee.email) return true;
  try {
    await store.doc.send(new PutCommand({
      TableName: store.table,
      Item: { ...employeeEmailKey(employee.email), employeeId: employee.id },
      ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :e',
      ExpressionAttributeValues: { ':e': employee.id },
    }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

async function linkAccountGuard(store: Store, user: Item): Promise<void> {
  if (typeof user.email !== 'string' || typeof user.employeeId !== 'string') return;
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.table,
      Key: userEmailKey(user.email),
      UpdateExpression: 'SET employeeId = :e',
      ConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':e': user.employeeId, ':u': user.id },
    }));
  } catch (err) {
    // A guard that is not this account's (or none): nothing of this account to link.
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
}
