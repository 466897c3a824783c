/** Builds a small organisation through the public API, as HR would. */
import type { TestApi } from './api.js';

export interface TestOrg {
  hr: string;
  units: { company: string; gmo: string; cs: string; hrDept: string; center: string; scenic: string; other: string };
  gm: Employee;
  csManager: Employee;
  supA: Employee;
  supB: Employee;
  leadA: Employee;
  agentA1: Employee;
  agentA2: Employee;
  agentB1: Employee;
}

export interface Employee {
  id: string;
  employeeNo: string;
  name: string;
  version: number;
  superiorId: string | null;
  status: string;
  probationEndDate: string | null;
  [k: string]: unknown;
}

let counter = 0;

export async function buildOrg(api: TestApi): Promise<TestOrg> {
  const hr = await api.signIn(['hr']);
  const unit = async (name: string, kind: string, parentId: string | null) => {
    const res = await api.request('POST', '/api/v1/org-units', { token: hr, body: { name, kind, parentId } });
    if (res.status !== 201) throw new Error(`org unit: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const company = await unit('示范公司', 'company', null);
  const gmo = await unit('总经办', 'department', company);
  const cs = await unit('客服部', 'department', company);
  const hrDept = await unit('人力资源部', 'department', company);
  const other = await unit('市场部', 'department', company);
  const center = await unit('客户服务中心', 'team', cs);
  const scenic = await unit('景区客服', 'team', cs);
  const emp = (over: Record<string, unknown>) => createEmployee(api, hr, over);
  const gm = await emp({ name: '赵总', post: 'gm', level: 'senior', superiorId: null, teamId: gmo });
  const csManager = await emp({ name: '钱经理', post: 'cs_manager', level: 'reserve_supervisor', superiorId: gm.id, teamId: cs });
  const supA = await emp({ name: '孙主管', post: 'supervisor', level: 'reserve_supervisor', superiorId: csManager.id, teamId: center });
  const supB = await emp({ name: '李主管', post: 'supervisor', level: 'reserve_supervisor', superiorId: csManager.id, teamId: scenic });
  const leadA = await emp({ name: '周组长', post: 'team_lead', level: 'senior', superiorId: supA.id, teamId: center });
  const agentA1 = await emp({ name: '吴专员', post: 'agent', level: 'junior', superiorId: leadA.id, teamId: center });
  const agentA2 = await emp({ name: '郑专员', post: 'agent', level: 'trainee', superiorId: leadA.id, teamId: center });
  const agentB1 = await emp({ name: '王专员', post: 'agent', level: 'mid', superiorId: supB.id, teamId: scenic });
  return { hr, units: { company, gmo, cs, hrDept, center, scenic, other }, gm, csManager, supA, supB, leadA, agentA1, agentA2, agentB1 };
}

export function employeeBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    employeeNo: `T${String(counter).padStart(5, '0')}`,
    name: '测试员工',
    email: `e${counter}@example.com`,
    phone: '13800138000',
    post: 'agent',
    level: 'junior',
    superiorId: null,
    hireDate: '2026-08-01',
    ...over,
  };
}

export async function createEmployee(api: TestApi, token: string, over: Record<string, unknown>): Promise<Employee> {
  const res = await api.request('POST', '/api/v1/employees', { token, body: employeeBody(over) });
  if (res.status !== 201) throw new Error(`employee: ${res.status} ${await res.text()}`);
  return (await res.json()) as Employee;
}
