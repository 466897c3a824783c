import type { Http } from '../providers/http.js';
import type { DisciplinaryAction } from './types.js';

/**
 * A disciplinary action's verbs (POLICIES.md §4; 004 第五条(六)) as data-provider methods, kept
 * with the pages that use them and merged into the data provider in one line. Reading is the
 * CRUD methods (`disciplinary-actions` in the resource table). Each is the reader's own act (the
 * API refuses an API key) and answers the action as it is now, without its timeline and `can`.
 */
export interface DisciplinaryActionMethods {
  /** 签收: the employee's handwritten signature (a `data:image/png;base64,…` URL, ≤ 200 KB); receipt, not agreement. */
  acknowledgeDisciplinaryAction(id: string, signature: string): Promise<{ data: DisciplinaryAction }>;
  /** 拒签: the employee refuses to sign, saying why; the named witnesses then sign. */
  refuseDisciplinaryAction(id: string, reason: string): Promise<{ data: DisciplinaryAction }>;
  /** 指定见证人: the issuer, a manager over the employee or HR names the policy's number of witnesses (user ids). */
  nameDisciplineWitnesses(id: string, userIds: readonly string[]): Promise<{ data: DisciplinaryAction }>;
  /** 见证签字: a named witness signs for the refusal. */
  witnessDisciplinaryAction(id: string, signature: string): Promise<{ data: DisciplinaryAction }>;
  /** 申诉: the employee appeals in writing within the window, with files uploaded as a decision's are. */
  appealDisciplinaryAction(id: string, input: { reason: string; attachments: readonly string[] }): Promise<{ data: DisciplinaryAction }>;
}

export function createDisciplinaryActionMethods(http: Http, onChange: (resource: string) => void): DisciplinaryActionMethods {
  const send = async (id: string, verb: string, body: unknown) => {
    const { json } = await http<DisciplinaryAction>(`/disciplinary-actions/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body });
    // The list shows the status and the next deadline; a step decided moves 待我审批 too.
    onChange('disciplinary-actions');
    onChange('approvals');
    return { data: json };
  };
  return {
    acknowledgeDisciplinaryAction: (id, signature) => send(id, 'acknowledge', { signature }),
    refuseDisciplinaryAction: (id, reason) => send(id, 'refuse', { reason }),
    nameDisciplineWitnesses: (id, userIds) => send(id, 'witnesses', { userIds: [...userIds] }),
    witnessDisciplinaryAction: (id, signature) => send(id, 'witness', { signature }),
    appealDisciplinaryAction: (id, { reason, attachments }) => send(id, 'appeal', { reason, attachments: [...attachments] }),
  };
}
