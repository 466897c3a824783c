import type { Http } from '../providers/http.js';
import type { ScheduledRound, ScheduleQuery } from './types.js';

/**
 * 面试安排's read (GET /interviews) as a data-provider method, kept with its page and merged into
 * the data provider in one line. Scoring a round is the approvals' own verb (`approve` with the
 * round's fields), so a score entered here is the same answer as one given in 待我审批.
 */
export interface InterviewMethods {
  /** The rounds from `from` to `to` (company dates) the reader may see, soonest first; `mine`: those they interview. */
  interviewSchedule(query: ScheduleQuery): Promise<{ data: ScheduledRound[] }>;
}

export function createInterviewMethods(http: Http): InterviewMethods {
  return {
    async interviewSchedule({ from, to, mine }) {
      const { json } = await http<{ items: ScheduledRound[] }>('/interviews', { query: { from, to, ...(mine ? { mine: 'true' } : {}) } });
      return { data: json.items };
    },
  };
}
