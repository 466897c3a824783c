/**
 * Demo data for a first look (DEMO=1, the default): one customer-service department as
 * POLICIES.md §1 describes it — a GM, two HR members, a CS manager, three supervisors, six
 * team leads and forty agents (a quarter of them trainees on probation) — each with an
 * account. Deterministic: the same names every time. Written through the same domain rules
 * and storage functions as the API.
 */
import type { Role } from '../../functions/domain/auth/roles.js';
import { addMonths } from '../../functions/domain/people/dates.js';
import { newEmployee } from '../../functions/domain/people/employee-rules.js';
import type { Level, OrgUnit, Post } from '../../functions/domain/people/model.js';
import { DEFAULT_POLICIES } from '../../functions/domain/policy/defaults.js';
import { hashPassword } from '../../functions/http/security/passwords.js';
import type { Store } from '../../functions/storage/client.js';
import { createEmployee, type StoredEmployee } from '../../functions/storage/employees.js';
import { newId } from '../../functions/storage/ids.js';
import { createOrgUnit } from '../../functions/storage/org-units.js';
import { createUser } from '../../functions/storage/users.js';

export const DEMO_PASSWORD = 'cs-demo-2026';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  name: string;
  employeeId: string;
}

const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['梁', 'liang'],
  ['郑', 'zheng'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
];
const GIVEN: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['秀英', 'xiuying'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'],
  ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'],
  ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀兰', 'xiulan'], ['霞', 'xia'], ['平', 'ping'],
  ['晓燕', 'xiaoyan'], ['婷婷', 'tingting'], ['雪', 'xue'], ['佳怡', 'jiayi'], ['子涵', 'zihan'], ['欣怡', 'xinyi'],
  ['浩然', 'haoran'], ['宇轩', 'yuxuan'], ['梓萱', 'zixuan'], ['思远', 'siyuan'], ['一诺', 'yinuo'], ['雨桐', 'yutong'],
  ['俊杰', 'junjie'], ['文博', 'wenbo'], ['晨曦', 'chenxi'], ['嘉怡', 'jiayi'], ['志强', 'zhiqiang'],
];

/** Small deterministic generator (mulberry32) so the demo department is the same every time. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  post: Post;
  level: Level;
  role: Role;
  unit: string;
  superior: number | null;
  hireMonthsAgo: number;
}

export async function seedDemo(store: Store, now: Date): Promise<DemoLogin[]> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const rand = prng(20261122);

  const unitIds: Record<string, OrgUnit> = {};
  const unitPlan: [key: string, name: string, kind: OrgUnit['kind'], parent: string | null][] = [
    ['company', '示范科技有限公司', 'company', null],
    ['gmo', '总经办', 'department', 'company'],
    ['hr', '人力资源部', 'department', 'company'],
    ['cs', '客服部', 'department', 'company'],
    ['center', '客户服务中心', 'team', 'cs'],
    ['scenic', '景区客服', 'team', 'cs'],
    ['relations', '客户关系维护', 'team', 'cs'],
    ['quality', '服务质量考核', 'team', 'cs'],
  ];
  for (const [key, name, kind, parentKey] of unitPlan) {
    const id = newId();
    const parent = parentKey ? unitIds[parentKey]! : null;
    const unit: OrgUnit = {
      id, name, kind,
      parentId: parent?.id ?? null,
      departmentId: kind === 'department' ? id : kind === 'team' ? parent?.departmentId ?? null : null,
      version: 1, createdAt: at, updatedAt: at,
    };
    unitIds[key] = unit;
    await createOrgUnit(store, unit, { entityType: 'orgUnit', entityId: id, action: 'create', actor: null, channel: 'system', before: null, after: null, at });
  }

  const plans: Plan[] = [
    { post: 'gm', level: 'senior', role: 'gm', unit: 'gmo', superior: null, hireMonthsAgo: 96 },
    { post: 'hr', level: 'senior', role: 'hr', unit: 'hr', superior: 0, hireMonthsAgo: 60 },
    { post: 'hr', level: 'mid', role: 'hr', unit: 'hr', superior: 0, hireMonthsAgo: 30 },
    { post: 'cs_manager', level: 'reserve_supervisor', role: 'cs_manager', unit: 'cs', superior: 0, hireMonthsAgo: 72 },
  ];
  const supervisorUnits = ['center', 'scenic', 'relations'];
  const leadUnits = [['center', 'center'], ['scenic', 'scenic'], ['relations', 'quality']];
  for (let s = 0; s < 3; s++) {
    const supIndex = plans.length;
    plans.push({ post: 'supervisor', level: 'reserve_supervisor', role: 'supervisor', unit: supervisorUnits[s]!, superior: 3, hireMonthsAgo: 40 + s * 6 });
    for (let l = 0; l < 2; l++) {
      const leadIndex = plans.length;
      const unit = leadUnits[s]![l]!;
      plans.push({ post: 'team_lead', level: 'senior', role: 'team_lead', unit, superior: supIndex, hireMonthsAgo: 24 + l * 5 });
      const agents = s * 2 + l < 4 ? 7 : 6; // 7+7+7+7+6+6 = 40 agents
      for (let a = 0; a < agents; a++) {
        const trainee = a >= agents - 2 && (s + l + a) % 3 !== 0;
        const level: Level = trainee ? 'trainee' : (['junior', 'junior', 'mid', 'mid', 'senior'] as Level[])[Math.floor(rand() * 5)]!;
        plans.push({
          post: 'agent', level, role: 'agent', unit, superior: leadIndex,
          // Trainees joined 1–3 months ago, so some are eligible for early conversion (POLICIES.md §3).
          hireMonthsAgo: trainee ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 30),
        });
      }
    }
  }

  // One password for 53 accounts, printed at every start: each is asked to change it at first
  // sign-in (mustChangePassword, the console's prompt; #13 item 4).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const created: StoredEmployee[] = [];
  const logins: DemoLogin[] = [];
  const counters: Record<string, number> = {};

  for (const plan of plans) {
    let surname: [string, string];
    let given: [string, string];
    do {
      surname = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
      given = GIVEN[Math.floor(rand() * GIVEN.length)]!;
    } while (usedNames.has(surname[0] + given[0]));
    usedNames.add(surname[0] + given[0]);
    let email = `${given[1]}.${surname[1]}@example.com`;
    for (let n = 2; usedEmails.has(email); n++) email = `${given[1]}.${surname[1]}${n}@example.com`;
    usedEmails.add(email);

    const prefix = plan.post === 'gm' ? 'GM' : plan.post === 'hr' ? 'HR' : 'CS';
    counters[prefix] = (counters[prefix] ?? 0) + 1;
    const employeeNo = `${prefix}${String(counters[prefix]).padStart(prefix === 'CS' ? 4 : 3, '0')}`;
    const superior = plan.superior === null ? null : created[plan.superior]!;
    const team = unitIds[plan.unit]!;
    const hireDate = addMonths(today, -plan.hireMonthsAgo);
    const employee = newEmployee(
      newId(),
      {
        employeeNo,
        name: surname[0] + given[0],
        email,
        phone: `13${String(Math.floor(100000000 + rand() * 899999999))}`,
        post: plan.post,
        level: plan.level,
        superiorId: superior?.id ?? null,
        teamId: team.id,
        hireDate,
      },
      { superior, team, org: DEFAULT_POLICIES.org, probation: DEFAULT_POLICIES.probation, now: at },
    );
    await createEmployee(store, employee, {
      entityType: 'employee', entityId: employee.id, action: 'create', actor: null, channel: 'system', before: null, after: employee as unknown as Record<string, unknown>, at,
    });
    created.push(employee);

    const userId = newId();
    await createUser(
      store,
      { id: userId, email, roles: [plan.role], employeeId: employee.id, name: employee.name, language: 'zh-CN', status: 'active', mustChangePassword: true, version: 1, createdAt: at, updatedAt: at, passwordHash },
      { entityType: 'user', entityId: userId, action: 'create', actor: null, channel: 'system', before: null, after: null, at },
    );
    logins.push({ email, password: DEMO_PASSWORD, role: plan.role, name: employee.name, employeeId: employee.id });
  }
  return logins;
}
