import type { Http } from '../providers/http.js';

/**
 * The resignation's verb (辞职申请, POLICIES.md §9) as a data-provider method, kept with the
 * pages that use it and merged into the data provider in one line. Handing one in and reading
 * are the CRUD methods (`resignations` in the resource table); 催办, 抄送 and comments are the
 * shared request methods; the approvers decide in 待我审批.
 */
export interface ResignationMethods {
  /** 撤回: the employee (or HR who handed it in) takes it back before it is approved, with an optional why. */
  withdrawResignation(id: string, reason?: string): Promise<{ data: { status: 'withdrawn' } }>;
}

export function createResignationMethods(http: Http, onChange: (resource: string) => void): ResignationMethods {
  return {
    async withdrawResignation(id, reason) {
      const why = reason?.trim();
      const { json } = await http<{ status: 'withdrawn' }>(`/requests/resignation/${encodeURIComponent(id)}/withdraw`, {
        method: 'POST',
        body: why ? { reason: why } : {},
      });
      onChange('resignations');
      onChange('approvals');
      onChange('requests');
      return { data: json };
    },
  };
}
