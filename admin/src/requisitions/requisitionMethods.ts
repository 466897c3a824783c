import type { Http } from '../providers/http.js';

/**
 * The requisitions' verbs (人才增补单, POLICIES.md §2) as data-provider methods, kept with the
 * pages that use them and merged into the data provider in one line, so the area reads (and is
 * removed) as one folder. Creating and reading are the CRUD methods (`requisitions` in the
 * resource table); 催办 is the shared `remind`, 抄送 and comments the shared request methods.
 */
export interface RequisitionMethods {
  /** 撤回: the requester takes their requisition back while it is being approved (403 WORKFLOW.NOT_REQUESTER otherwise). */
  withdrawRequisition(id: string): Promise<{ data: { status: 'withdrawn' } }>;
}

export function createRequisitionMethods(http: Http, onChange: (resource: string) => void): RequisitionMethods {
  return {
    async withdrawRequisition(id) {
      const { json } = await http<{ status: 'withdrawn' }>(`/requests/requisition/${encodeURIComponent(id)}/withdraw`, { method: 'POST' });
      onChange('requisitions');
      onChange('approvals');
      onChange('requests');
      return { data: json };
    },
  };
}
