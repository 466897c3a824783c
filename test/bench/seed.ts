/**
 * Bulk data for the benchmarks, written with BatchWriteItem in exactly the shapes
 * functions/storage writes (its own item builders: `employeeItem`, `taskItem`), so every
 * index the app queries is filled as it would be. Not written: audit records and dashboard
 * counters of the seeded rows — no request measured here reads them.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { OrgUnit } from '../../functions/domain/people/model.js';
import type { ApprovalTask } from '../../functions/storage/approvals.js';
import { taskItem } from '../../functions/storage/approvals.js';
import type { Store } from '../../functions/storage/client.js';
import { employeeItem, type StoredEmployee } from '../../functions/storage/employees.js';
import { newId } from '../../functions/storage/ids.js';
import { employeeNoKey } from '../../functions/storage/keys.js';
import { createOrgUnit } from '../../functions/storage/org-units.js';

/** Writes items 25 at a time, a few batches in flight, retrying unprocessed items. */
export async function batchWrite(store: Store, items: Record<string, unknown>[], concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (;;) {
      const from = next;
      next += 25;
      if (from >= items.length) return;
      let request: BatchWriteCommandInput['RequestItems'] = { [store.table]: items.slice(from, from + 25).map((Item) => ({ PutRequest: { Item } })) };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        if (attempt > 20) throw new Error('BatchWrite: items still unprocessed after 20 attempts');
        const out: BatchWriteCommandOutput = await store.doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐韩冯邓';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '婷婷', '雪', '佳怡', '子涵', '浩然', '宇轩'];

/** A deterministic Chinese name for the i-th person. */
export const nameOf = (i: number): string => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;

/** `count` teams under one company and department (org units are tens, not thousands: see docs/benchmarks.md). */
export async function seedOrgUnits(store: Store, count: number, at: string): Promise<OrgUnit[]> {
  const unit = (name: string, kind: OrgUnit['kind'], parent: OrgUnit | null): OrgUnit => {
    const id = newId();
    return { id, name, kind, parentId: parent?.id ?? null, departmentId: kind === 'department' ? id : parent?.departmentId ?? null, version: 1, createdAt: at, updatedAt: at };
  };
  const company = unit('基准科技有限公司', 'company', null);
  const department = unit('客服部', 'department', company);
  const units = [company, department, ...Array.from({ length: count }, (_, i) => unit(`客服${i + 1}组`, 'team', department))];
  for (const u of units) {
    await createOrgUnit(store, u, { entityType: 'orgUnit', entityId: u.id, action: 'create', actor: null, channel: 'system', before: null, after: null, at });
  }
  return units.slice(2);
}

/**
 * `count` employees in a reporting tree of fan-out 10 (a GM, managers, leads, agents), so a
 * page in tree order looks alike at any size. About 80 % regular, 10 % on probation.
 * `prefix` keeps employee numbers apart when several sets share a table.
 */
export function buildEmployees(count: number, teams: OrgUnit[], at: string, prefix = 'B', superiorOfRoot: StoredEmployee | null = null): StoredEmployee[] {
  const list: StoredEmployee[] = [];
  const depth: number[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? superiorOfRoot : list[Math.floor((i - 1) / 10)]!;
    const d = i === 0 ? 0 : depth[Math.floor((i - 1) / 10)]! + 1;
    depth.push(d);
    const id = newId();
    const status: StoredEmployee['status'] = i % 10 === 7 ? 'probation' : i % 25 === 13 ? 'terminated' : 'regular';
    const post: StoredEmployee['post'] = d === 0 ? 'gm' : d === 1 ? 'supervisor' : d === 2 ? 'team_lead' : 'agent';
    const level: StoredEmployee['level'] = status === 'probation' ? 'trainee' : (['junior', 'mid', 'senior', 'mid'] as const)[i % 4]!;
    const team = teams[i % teams.length]!;
    const hired = new Date(Date.UTC(2018, 0, 1) + (i % 2900) * 86_400_000).toISOString().slice(0, 10);
    list.push({
      id, employeeNo: `${prefix}${String(i + 1).padStart(6, '0')}`, name: nameOf(i), email: `p${i + 1}.${prefix.toLowerCase()}@bench.example`,
      phone: `138${String(i).padStart(8, '0')}`, post, level, status,
      superiorId: parent?.id ?? null, teamId: team.id, departmentId: team.departmentId,
      hireDate: hired, probationEndDate: status === 'probation' ? '2026-12-31' : null,
      path: `${parent?.path ?? '/'}${id}/`, version: 1, createdAt: at, updatedAt: at, baseSalary: 5000 + (i % 7) * 500,
    });
  }
  return list;
}

export async function seedEmployees(store: Store, employees: StoredEmployee[]): Promise<void> {
  await batchWrite(store, [
    ...employees.map(employeeItem),
    // The employee-number uniqueness guards createEmployee writes with each record.
    ...employees.map((e) => ({ ...employeeNoKey(e.employeeNo), employeeId: e.id })),
  ]);
}

/**
 * `count` approval tasks: half belong to `benchUserId` (three in five of those pending, the
 * rest decided), half to 200 other approvers; newest first in every inbox.
 */
export function buildTasks(count: number, benchUser: { id: string; name: string }, subjects: StoredEmployee[]): ApprovalTask[] {
  const tasks: ApprovalTask[] = [];
  const newest = Date.UTC(2026, 10, 1);
  for (let i = 0; i < count; i++) {
    const r = i % 10;
    const mine = r % 2 === 0;
    const pending = mine ? r <= 4 : r % 4 === 1;
    const requestId = newId();
    const stepId = `${requestId}.gm.1`;
    const createdAt = new Date(newest - i * 7 * 60_000).toISOString();
    const subject = subjects[i % subjects.length]!;
    tasks.push({
      id: `${stepId}.0`, stepId, requestKind: 'probation', requestId,
      title: { 'zh-CN': `转正评审：${subject.name}`, en: `Probation review: ${subject.name}` },
      stepLabel: { 'zh-CN': '总经理签字', en: 'GM sign-off' },
      subjectEmployeeId: subject.id, stepKey: 'gm',
      approverId: mine ? benchUser.id : `other-approver-${String(i % 200).padStart(3, '0')}`,
      approverName: mine ? benchUser.name : nameOf(i % 200),
      requesterId: null, requesterName: null,
      status: pending ? 'pending' : 'approved', linkNonce: newId(), reason: 'assigned',
      createdAt, dueAt: new Date(newest - i * 7 * 60_000 + 48 * 3600_000).toISOString(),
      decision: pending ? null : 'approve', decidedAt: pending ? null : new Date(newest - i * 7 * 60_000 + 3600_000).toISOString(),
      comment: pending ? null : '同意', channel: pending ? null : 'console', version: pending ? 1 : 2,
    });
  }
  return tasks;
}

export async function seedTasks(store: Store, tasks: ApprovalTask[]): Promise<void> {
  await batchWrite(store, tasks.map(taskItem));
}
