/**
 * The floor for figure 5: react-admin's <Admin> with one resource and a <List> of the same
 * columns as the console's people list, fed by an in-memory data provider holding 1,000
 * rows (no network, no auth, no i18n beyond the default). Plain JSX so that the project's
 * tsc and eslint leave it alone. `?perPage=N` sets the page size (the bench matches the
 * console's).
 */
import { createRoot } from 'react-dom/client';
import { Admin, DataTable, DateField, List, Resource, SelectField } from 'react-admin';

const POSTS = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr'].map((id) => ({ id, name: id }));
const LEVELS = ['trainee', 'junior', 'mid', 'senior', 'reserve_supervisor'].map((id) => ({ id, name: id }));
const STATUSES = ['probation', 'regular', 'suspended', 'terminated'].map((id) => ({ id, name: id }));
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐韩冯邓';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇'];

const ROWS = Array.from({ length: 1000 }, (_, i) => ({
  id: `e${String(i + 1).padStart(5, '0')}`,
  employeeNo: `E${String(i + 1).padStart(6, '0')}`,
  name: SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length],
  post: POSTS[i % POSTS.length].id,
  level: LEVELS[i % LEVELS.length].id,
  status: i % 10 === 7 ? 'probation' : 'regular',
  superiorName: SURNAMES[(i + 3) % SURNAMES.length] + GIVEN[0],
  teamName: `客服${(i % 20) + 1}组`,
  hireDate: new Date(Date.UTC(2018, 0, 1) + (i % 2900) * 86400000).toISOString().slice(0, 10),
  probationEndDate: i % 10 === 7 ? '2026-12-31' : null,
}));

const dataProvider = {
  getList: async (_resource, { pagination, sort }) => {
    const { page, perPage } = pagination;
    const field = sort?.field ?? 'employeeNo';
    const dir = sort?.order === 'DESC' ? -1 : 1;
    const sorted = [...ROWS].sort((a, b) => (a[field] < b[field] ? -dir : a[field] > b[field] ? dir : 0));
    return { data: sorted.slice((page - 1) * perPage, page * perPage), total: ROWS.length };
  },
  getOne: async (_resource, { id }) => ({ data: ROWS.find((r) => r.id === id) }),
  getMany: async (_resource, { ids }) => ({ data: ROWS.filter((r) => ids.includes(r.id)) }),
  getManyReference: async () => ({ data: [], total: 0 }),
  create: async () => { throw new Error('read-only'); },
  update: async () => { throw new Error('read-only'); },
  updateMany: async () => { throw new Error('read-only'); },
  delete: async () => { throw new Error('read-only'); },
  deleteMany: async () => { throw new Error('read-only'); },
};

const perPage = Number(new URLSearchParams(window.location.search).get('perPage')) || 25;

const EmployeeList = () => (
  <List sort={{ field: 'employeeNo', order: 'ASC' }} perPage={perPage} exporter={false}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="employeeNo" />
      <DataTable.Col source="name" />
      <DataTable.Col source="post" disableSort><SelectField source="post" choices={POSTS} /></DataTable.Col>
      <DataTable.Col source="level" disableSort><SelectField source="level" choices={LEVELS} /></DataTable.Col>
      <DataTable.Col source="status" disableSort><SelectField source="status" choices={STATUSES} /></DataTable.Col>
      <DataTable.Col source="superiorName" disableSort />
      <DataTable.Col source="teamName" disableSort />
      <DataTable.Col source="hireDate"><DateField source="hireDate" /></DataTable.Col>
      <DataTable.Col source="probationEndDate" disableSort><DateField source="probationEndDate" /></DataTable.Col>
    </DataTable>
  </List>
);

createRoot(document.getElementById('root')).render(
  <Admin dataProvider={dataProvider} disableTelemetry>
    <Resource name="employees" list={EmployeeList} />
  </Admin>,
);
