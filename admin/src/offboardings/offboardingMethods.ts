import type { Http } from '../providers/http.js';
import type { ExitFormInput, Offboarding } from './types.js';

/**
 * 离职办理's verbs (POLICIES.md §9; 001 六) as data-provider methods, kept with the pages that use
 * them and merged into the data provider in one line. Reading is the CRUD methods (`offboardings`
 * in the resource table). Each answers the record as it is now, for the reader.
 */
export interface OffboardingMethods {
  /** 签收: the item's receiver (any HR member for one with none) signs it as received. */
  receiveHandoverItem(id: string, itemId: string): Promise<{ data: Offboarding }>;
  /** 添加交接事项 (free text); no receiver: any HR member signs. */
  addHandoverItem(id: string, input: { description: string; receiverEmployeeId?: string | null }): Promise<{ data: Offboarding }>;
  /** 指定接收人 of an unsigned item (for a report: their new superior); null: HR. */
  setHandoverReceiver(id: string, itemId: string, receiverEmployeeId: string | null): Promise<{ data: Offboarding }>;
  /** 盘点: returned, or missing with the amount the leaver answers for (absent: the policy's). */
  checkInventoryItem(id: string, itemId: string, input: { returned: boolean; amount?: number }): Promise<{ data: Offboarding }>;
  /** 员工离职表 (HR). */
  saveExitForm(id: string, input: ExitFormInput): Promise<{ data: Offboarding }>;
  /** 办结 (HR): 409 naming what is missing. */
  closeOffboarding(id: string): Promise<{ data: Offboarding }>;
  /** 撤销 (HR, before the last day has passed), with the agreement that ends it. */
  cancelOffboarding(id: string, reason: string): Promise<{ data: Offboarding }>;
}

export function createOffboardingMethods(http: Http, onChange: (resource: string) => void): OffboardingMethods {
  const base = (id: string) => `/offboardings/${encodeURIComponent(id)}`;
  const send = async (path: string, method: 'POST' | 'PUT', body?: unknown) => {
    const { json } = await http<Offboarding>(path, body === undefined ? { method } : { method, body });
    // The leavers' list shows progress, the amount and the status: its pages start again.
    onChange('offboardings');
    return { data: json };
  };
  return {
    receiveHandoverItem: (id, itemId) => send(`${base(id)}/handover/${encodeURIComponent(itemId)}/receive`, 'POST'),
    addHandoverItem: (id, input) => send(`${base(id)}/handover`, 'POST', input),
    setHandoverReceiver: (id, itemId, receiverEmployeeId) => send(`${base(id)}/handover/${encodeURIComponent(itemId)}`, 'PUT', { receiverEmployeeId }),
    checkInventoryItem: (id, itemId, input) => send(`${base(id)}/inventory/${encodeURIComponent(itemId)}`, 'POST', input),
    saveExitForm: (id, input) => send(`${base(id)}/exit-form`, 'PUT', input),
    closeOffboarding: (id) => send(`${base(id)}/close`, 'POST'),
    cancelOffboarding: (id, reason) => send(`${base(id)}/cancel`, 'POST', { reason }),
  };
}
