import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { Employee, EmployeeStatus, Post } from '../domain/people/model.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { idempotencyPut, type IdempotencyRecord } from './idempotency.js';
import { EMPLOYEES, employeeKey, employeeNoKey, employeeStatusPk, employeeSuperiorPk, stripKeys } from './keys.js';
import { move } from './counters.js';
import { newEmployeeEmailWrites } from './emails.js';
import { transact, type TxItem } from './transact.js';

export type StoredEmployee = Employee & { baseSalary: number };

export function employeeItem(e: StoredEmployee): Record<string, unknown> {
  return {
    ...employeeKey(e.id),
    entity: 'employee',
    ...e,
    gsi1pk: EMPLOYEES,
    gsi1sk: e.path,
    gsi2pk: employeeStatusPk(e.status),
    gsi2sk: e.path,
    gsi3pk: e.superiorId ? employeeSuperiorPk(e.superiorId) : undefined,
    gsi3sk: e.superiorId ? e.employeeNo : undefined,
    gsi4pk: EMPLOYEES,
    gsi4sk: `${e.name}#${e.id}`,
    gsi5pk: EMPLOYEES,
    gsi5sk: e.employeeNo,
    gsi6pk: EMPLOYEES,
    gsi6sk: `${e.hireDate}#${e.id}`,
  };
}

/** Dashboard bucket (storage/counters.ts): team, level and status. */
export function headcountBucket(e: Pick<StoredEmployee, 'teamId' | 'level' | 'status'>): string {
  return `${e.teamId ?? '-'}|${e.level}|${e.status}`;
}

export async function getEmployee(store: Store, id: string): Promise<StoredEmployee | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: employeeKey(id) }));
  return out.Item ? (stripKeys(out.Item) as StoredEmployee) : null;
}

/** Up to 100 employees by id in one call; missing ids are simply absent. */
export async function getEmployees(store: Store, ids: string[]): Promise<StoredEmployee[]> {
  const unique = [...new Set(ids)].slice(0, 100);
  if (unique.length === 0) return [];
  let keys = unique.map(employeeKey);
  const found: StoredEmployee[] = [];
  // BatchGet may return unprocessed keys under throttling; retry those, bounded.
  for (let attempt = 0; keys.length > 0 && attempt < 4; attempt++) {
    const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys } } }));
    for (const item of out.Responses?.[store.table] ?? []) found.push(stripKeys(item) as StoredEmployee);
    keys = (out.UnprocessedKeys?.[store.table]?.Keys ?? []) as typeof keys;
  }
  const order = new Map(unique.map((id, i) => [id, i]));
  return found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** The id of the employee holding this number (the uniqueness guard), or null. */
export async function employeeIdByNumber(store: Store, employeeNo: string): Promise<string | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: employeeNoKey(employeeNo), ConsistentRead: true }));
  return (out.Item?.employeeId as string | undefined) ?? null;
}

export async function createEmployee(
  store: Store,
  employee: StoredEmployee,
  audit: AuditInput,
  idempotency?: IdempotencyRecord,
): Promise<void> {
  const items = employeeCreateWrites(store, employee, audit);
  if (idempotency) items.push(idempotencyPut(store, idempotency));
  await transact(store, items);
}

/** A new employee's writes (the number guard, the record and its headcount, the email guard, the audit), for a caller's transaction. */
export function employeeCreateWrites(store: Store, employee: StoredEmployee, audit: AuditInput): TxItem[] {
  return [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...employeeNoKey(employee.employeeNo), employeeId: employee.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new DomainError('EMPLOYEE.NUMBER_TAKEN', 'employeeNo', { employeeNo: employee.employeeNo }),
    },
    {
      write: { Put: { TableName: store.table, Item: employeeItem(employee), ConditionExpression: 'attribute_not_exists(pk)' } },
      counts: move('people.headcount', null, headcountBucket(employee)),
    },
    ...newEmployeeEmailWrites(store, employee.id, employee.email),
    { write: auditPut(store, audit) },
  ];
}

/**
 * Writes a changed employee if nobody changed it since `before` was read (optimistic
 * locking on `version`), together with the employee-number guard, the audit record and,
 * when the reporting line moved, the new paths of everyone below.
 */
export async function updateEmployee(
  store: Store,
  before: StoredEmployee,
  after: StoredEmployee,
  audit: AuditInput,
  movedDescendants: StoredEmployee[] = [],
  /** Other writes that must land with this change (e.g. the review that decided it). */
  extra: TxItem[] = [],
): Promise<void> {
  const items: TxItem[] = [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: employeeItem(after),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': before.version },
        },
      },
      onConditionFailed: (current) =>
        new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: before.version }, {
          current: current ? stripKeys(current) : null,
        }),
      counts: move('people.headcount', headcountBucket(before), headcountBucket(after)),
    },
    { write: auditPut(store, audit) },
  ];
  if (after.employeeNo !== before.employeeNo) {
    items.push(
      {
        write: {
          Put: {
            TableName: store.table,
            Item: { ...employeeNoKey(after.employeeNo), employeeId: after.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new DomainError('EMPLOYEE.NUMBER_TAKEN', 'employeeNo', { employeeNo: after.employeeNo }),
      },
      { write: { Delete: { TableName: store.table, Key: employeeNoKey(before.employeeNo) } } },
    );
  }
  for (const d of movedDescendants) {
    items.push({
      write: {
        Put: {
          TableName: store.table,
          Item: employeeItem(d),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': d.version - 1 },
        },
      },
      onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: before.version }),
    });
  }
  await transact(store, [...items, ...extra]);
}

/** Everyone strictly below an employee (bounded: a transaction holds at most 100 items). */
export async function getDescendants(store: Store, path: string, max: number): Promise<StoredEmployee[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :path)',
      ExpressionAttributeValues: { ':pk': EMPLOYEES, ':path': path },
      Limit: max + 2,
    }),
  );
  const below = (out.Items ?? []).map((i) => stripKeys(i) as StoredEmployee).filter((e) => e.path !== path);
  if (below.length > max || out.LastEvaluatedKey) {
    throw new DomainError('EMPLOYEE.SUBTREE_TOO_LARGE', 'superiorId', { max });
  }
  return below;
}

export type EmployeeSort = 'tree' | 'employeeNo' | 'name' | 'hireDate';

export interface EmployeeQuery {
  /** Reporting path the caller may see (their subtree); null = the whole organisation. */
  scopePath: string | null;
  status?: EmployeeStatus | undefined;
  superiorId?: string | undefined;
  teamId?: string | undefined;
  post?: Post | undefined;
  /** Name prefix when it holds Chinese characters, else employee-number prefix. */
  q?: string | undefined;
  sort: EmployeeSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string | undefined;
}

/** How many index entries one list request may examine to fill a page after filtering. */
const READ_BUDGET = 400;

/**
 * One Query per request, whatever the data size: the planner picks the index whose key
 * serves the most selective criterion (scope or status by path prefix, superior, name or
 * number prefix, sort order) and filters the rest. A page may hold fewer than `limit`
 * items when filters are sparse; `nextCursor` then continues where the read stopped.
 */
export async function listEmployees(
  store: Store,
  query: EmployeeQuery,
): Promise<{ items: StoredEmployee[]; nextCursor: string | null }> {
  const fp = { ...query, cursor: undefined, limit: undefined };
  const plan = planQuery(query);
  const input: QueryCommandInput = {
    TableName: store.table,
    IndexName: plan.index,
    KeyConditionExpression: plan.keyCondition,
    ExpressionAttributeValues: { ...plan.values },
    ExpressionAttributeNames: { ...plan.names },
    ScanIndexForward: plan.forward,
    Limit: plan.filters.length > 0 ? Math.max(query.limit, READ_BUDGET) : query.limit,
    ExclusiveStartKey: decodeCursor(query.cursor, fp),
  };
  if (plan.filters.length > 0) input.FilterExpression = plan.filters.join(' AND ');
  if (Object.keys(input.ExpressionAttributeNames ?? {}).length === 0) delete input.ExpressionAttributeNames;
  const out = await store.doc.send(new QueryCommand(input));
  const raw = out.Items ?? [];
  const page = raw.slice(0, query.limit);
  let lastKey = out.LastEvaluatedKey;
  if (raw.length > query.limit) {
    // More matches than the page holds: continue right after the last one returned.
    const last = page[page.length - 1] as Record<string, unknown>;
    const idx = plan.index;
    lastKey = { pk: last.pk, sk: last.sk, [`${idx}pk`]: last[`${idx}pk`], [`${idx}sk`]: last[`${idx}sk`] };
  }
  return {
    items: page.map((i) => stripKeys(i) as StoredEmployee),
    nextCursor: encodeCursor(lastKey, fp),
  };
}

interface Plan {
  index: string;
  keyCondition: string;
  values: Record<string, unknown>;
  names: Record<string, string>;
  filters: string[];
  forward: boolean;
}

function planQuery(q: EmployeeQuery): Plan {
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  const filters: string[] = [];
  const forward = q.order !== 'desc';
  let index: string;
  let keyCondition: string;
  let scopeInKey = false;
  let statusInKey = false;
  let superiorInKey = false;

  if (q.q) {
    // Names are Chinese; employee numbers are letters and digits (docs/data-model.md).
    const byNumber = /^[\x20-\x7e]+$/.test(q.q);
    index = byNumber ? 'gsi5' : 'gsi4';
    keyCondition = `${index}pk = :pk AND begins_with(${index}sk, :q)`;
    values[':pk'] = EMPLOYEES;
    values[':q'] = q.q;
  } else if (q.sort === 'name' || q.sort === 'employeeNo' || q.sort === 'hireDate') {
    index = { name: 'gsi4', employeeNo: 'gsi5', hireDate: 'gsi6' }[q.sort];
    keyCondition = `${index}pk = :pk`;
    values[':pk'] = EMPLOYEES;
  } else if (q.superiorId) {
    index = 'gsi3';
    keyCondition = 'gsi3pk = :pk';
    values[':pk'] = employeeSuperiorPk(q.superiorId);
    superiorInKey = true;
  } else if (q.status) {
    index = 'gsi2';
    keyCondition = 'gsi2pk = :pk AND begins_with(gsi2sk, :scope)';
    values[':pk'] = employeeStatusPk(q.status);
    values[':scope'] = q.scopePath ?? '/';
    scopeInKey = true;
    statusInKey = true;
  } else {
    index = 'gsi1';
    keyCondition = 'gsi1pk = :pk AND begins_with(gsi1sk, :scope)';
    values[':pk'] = EMPLOYEES;
    values[':scope'] = q.scopePath ?? '/';
    scopeInKey = true;
  }

  if (!scopeInKey && q.scopePath !== null) {
    filters.push('begins_with(#path, :scopePath)');
    names['#path'] = 'path';
    values[':scopePath'] = q.scopePath;
  }
  if (q.status && !statusInKey) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = q.status;
  }
  if (q.superiorId && !superiorInKey) {
    filters.push('superiorId = :superiorId');
    values[':superiorId'] = q.superiorId;
  }
  if (q.teamId) {
    filters.push('teamId = :teamId');
    values[':teamId'] = q.teamId;
  }
  if (q.post) {
    filters.push('#post = :post');
    names['#post'] = 'post';
    values[':post'] = q.post;
  }
  return { index, keyCondition, values, names, filters, forward };
}
