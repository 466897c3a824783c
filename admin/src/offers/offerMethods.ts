import type { Http } from '../providers/http.js';
import type { Offer, OfferCandidate, OfferOpening, Reported, ReportInput } from './types.js';

/**
 * The offers' verbs (录用通知, POLICIES.md §2 steps 5–6) as data-provider methods, kept with the
 * pages that use them and merged into the data provider in one line, so the area reads (and is
 * removed) as one folder. Making an offer and reading offers are the CRUD methods (`offers` in
 * the resource table); the reads of openings and candidates here serve the offer form's choosers.
 */
export interface OfferMethods {
  /** 记录候选人答复: HR records the answer the candidate gave by phone (409 once answered). */
  respondToOffer(id: string, input: { answer: 'accept' | 'decline'; reason?: string }): Promise<{ data: Offer }>;
  /** 撤回: HR takes the offer back with a reason (its head is free again; the candidate is told). */
  withdrawOffer(id: string, reason: string): Promise<{ data: Offer }>;
  /** 办理报到: the hire becomes an employee on probation (422 names documentsSeen when one is missing). */
  reportOffer(id: string, input: ReportInput): Promise<{ data: Reported }>;
  /** The open openings (for the offer form's chooser). */
  offerOpenings(): Promise<{ data: OfferOpening[] }>;
  getOfferOpening(id: string): Promise<{ data: OfferOpening }>;
  /** An opening's candidates, every page. */
  openingCandidates(openingId: string): Promise<{ data: OfferCandidate[] }>;
  getOfferCandidate(id: string): Promise<{ data: OfferCandidate }>;
}

const segment = (id: string) => encodeURIComponent(id);
const MAX_PAGES = 20;

export function createOfferMethods(http: Http, onChange: (resource: string) => void): OfferMethods {
  const changed = () => {
    onChange('offers');
    onChange('candidates');
    onChange('openings');
  };
  async function all<T>(path: string, query: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { json }: { json: { items: T[]; nextCursor?: string | null } } = await http<{ items: T[]; nextCursor?: string | null }>(path, { query: { ...query, limit: 200, cursor } });
      items.push(...json.items);
      cursor = json.nextCursor ?? null;
      if (!cursor) break;
    }
    return items;
  }
  return {
    async respondToOffer(id, input) {
      const { json } = await http<Offer>(`/offers/${segment(id)}/response`, { method: 'POST', body: input });
      changed();
      return { data: json };
    },
    async withdrawOffer(id, reason) {
      const { json } = await http<Offer>(`/offers/${segment(id)}/withdraw`, { method: 'POST', body: { reason } });
      changed();
      return { data: json };
    },
    async reportOffer(id, input) {
      const { json } = await http<Reported>(`/offers/${segment(id)}/report`, { method: 'POST', body: input });
      changed();
      onChange('employees');
      return { data: json };
    },
    async offerOpenings() {
      return { data: await all<OfferOpening>('/openings', { status: 'open' }) };
    },
    async getOfferOpening(id) {
      const { json } = await http<OfferOpening>(`/openings/${segment(id)}`);
      return { data: json };
    },
    async openingCandidates(openingId) {
      return { data: await all<OfferCandidate>('/candidates', { openingId }) };
    },
    async getOfferCandidate(id) {
      const { json } = await http<OfferCandidate>(`/candidates/${segment(id)}`);
      return { data: json };
    },
  };
}
