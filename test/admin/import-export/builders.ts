import type { Employee } from '../../../admin/src/employees/types.js';
import type { OrgUnitRef } from '../../../admin/src/import-export/planImport.js';

/** Test data for the import and export tests: a small department as the API returns it. */
export const ORG_UNITS: OrgUnitRef[] = [
  { id: 'u-cs', name: '客服部', kind: 'department' },
  { id: 'u-center', name: '客户服务中心', kind: 'team' },
  { id: 'u-scenic', name: '景区客服', kind: 'team' },
  { id: 'u-hr', name: '人力资源部', kind: 'department' },
];

export function anEmployee(overrides: Partial<Employee> = {}): Employee {
  return {
    id: 'e-1',
    employeeNo: 'CS0001',
    name: '王伟',
    email: 'wei.wang@example.com',
    phone: '13800000001',
    post: 'team_lead',
    level: 'senior',
    status: 'regular',
    superiorId: null,
    superiorName: null,
    teamId: 'u-center',
    teamName: '客户服务中心',
    departmentId: 'u-cs',
    hireDate: '2023-05-01',
    probationEndDate: null,
    conversionDate: null,
    baseSalary: 8000,
    createdAt: '2023-05-01T00:00:00Z',
    updatedAt: '2023-05-01T00:00:00Z',
    version: 4,
    ...overrides,
  };
}

/** A lead and two agents reporting to them. */
export function aTeam(): Employee[] {
  const lead = anEmployee();
  return [
    lead,
    anEmployee({ id: 'e-2', employeeNo: 'CS0002', name: '李娜', email: 'na.li@example.com', phone: '13800000002', post: 'agent', level: 'junior', superiorId: 'e-1', superiorName: '王伟', version: 2 }),
    anEmployee({ id: 'e-3', employeeNo: 'CS0003', name: '张敏', email: 'min.zhang@example.com', phone: '+86 138 0000 0003', post: 'agent', level: 'trainee', status: 'probation', superiorId: 'e-1', superiorName: '王伟', hireDate: '2026-01-10', probationEndDate: '2026-04-10', version: 1 }),
  ];
}
