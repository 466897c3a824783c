import type { ConsoleDataProvider } from '../providers/consoleMethods.js';
import type { Http } from '../providers/http.js';
import type { DisciplinaryAction, DisciplineFines, DisciplinePreview, PreviewInput, RecordViolationInput } from './types.js';

/**
 * 记录违纪's verbs (POLICIES.md §4) as data-provider methods, kept with the components that use
 * them and merged into the data provider in one line. The action's own page and its verbs (sign,
 * refuse, appeal) belong to `disciplinary-actions`.
 */
export interface DisciplineRecordMethods {
  /** What the ladder would make of the violation now, and why; nothing is written. */
  previewDisciplinaryAction(input: PreviewInput): Promise<{ data: DisciplinePreview }>;
  /** 记录违纪 (a team lead or above, for someone under them): 201 the action; 422 names the field. */
  recordDisciplinaryAction(input: RecordViolationInput): Promise<{ data: DisciplinaryAction }>;
  /** One employee's actions, newest first (theirs, or someone in the reader's scope). */
  getEmployeeDiscipline(employeeId: string): Promise<{ data: DisciplinaryAction[] }>;
  /** 乐捐 for payroll: the fines of the actions that took effect in `month` (YYYY-MM; HR). */
  getDisciplineFines(month: string): Promise<{ data: DisciplineFines }>;
}

/** The data provider with these methods, for `useDataProvider<DisciplineDataProvider>()`. */
export type DisciplineDataProvider = ConsoleDataProvider & DisciplineRecordMethods;

/** The history's query key: under the resource's, so whatever invalidates `disciplinary-actions` reads it again. */
export const employeeDisciplineKey = (employeeId: string) => ['disciplinary-actions', 'ofEmployee', employeeId] as const;

const BASE = '/disciplinary-actions';
/** The API's largest page; an employee's history is short, but it is read to its end. */
const PAGE = 200;
const MAX_PAGES = 10;

export function createDisciplineRecordMethods(http: Http, onChange: (resource: string) => void): DisciplineRecordMethods {
  return {
    async previewDisciplinaryAction(input) {
      const { json } = await http<DisciplinePreview>(`${BASE}/preview`, { method: 'POST', body: input });
      return { data: json };
    },
    async recordDisciplinaryAction(input) {
      const { json } = await http<DisciplinaryAction>(BASE, {
        method: 'POST',
        body: input,
        // Lets the API recognise a resent create (ARCHITECTURE.md: Idempotency-Key on POSTs).
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      // The actions' list pages start again.
      onChange('disciplinary-actions');
      return { data: json };
    },
    async getEmployeeDiscipline(employeeId) {
      const items: DisciplinaryAction[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const { json }: { json: { items: DisciplinaryAction[]; nextCursor: string | null } } = await http(BASE, { query: { employeeId, limit: PAGE, cursor } });
        items.push(...json.items);
        cursor = json.nextCursor;
        if (!cursor) break;
      }
      return { data: items };
    },
    async getDisciplineFines(month) {
      const { json } = await http<DisciplineFines>(`${BASE}/fines`, { query: { month } });
      return { data: json };
    },
  };
}
