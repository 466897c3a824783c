import type { Http } from '../providers/http.js';
import type { Opening, OpeningVerb } from './types.js';

/**
 * The opening's verbs (招聘职位, POLICIES.md §2 step 3) as data-provider methods, kept with the
 * panel that uses them and merged into the data provider in one line. Reading one is the CRUD
 * getOne (`openings` in the resource table; its id is its requisition's).
 */
export interface OpeningMethods {
  /** 暂停 / 恢复 / 取消 with HR's reason (422 names `reason`; 409 OPENING.TRANSITION from a status that does not take it). */
  changeOpening(id: string, verb: OpeningVerb, reason: string): Promise<{ data: Opening }>;
  /** 招聘启事: the zh-CN job text for a job board. */
  getOpeningJobText(id: string): Promise<{ data: { text: string } }>;
}

export function createOpeningMethods(http: Http, onChange: (resource: string) => void): OpeningMethods {
  const segment = (id: string) => encodeURIComponent(id);
  return {
    async changeOpening(id, verb, reason) {
      const { json } = await http<Opening>(`/openings/${segment(id)}/${verb}`, { method: 'POST', body: { reason } });
      onChange('openings');
      onChange('requisitions');
      return { data: json };
    },
    async getOpeningJobText(id) {
      const { json } = await http<{ text: string }>(`/openings/${segment(id)}/job-text`);
      return { data: json };
    },
  };
}
