import { describe, expect, it } from 'vitest';
import { ladderRangeOf, offerActions, offerableCandidates, outsideLadder, probationBounds, reportBody, reportByOf } from '../../../admin/src/offers/offerForm.js';
import { OFFER_STATUSES } from '../../../admin/src/offers/types.js';

describe('what HR may do with an offer (functions/http/routes/offers.ts)', () => {
  it('records the candidate’s answer only while the letter waits for one', () => {
    expect(OFFER_STATUSES.filter((s) => offerActions(s).respond)).toEqual(['sent']);
  });

  it('withdraws while the offer holds a head: waiting for the GM, sent or accepted', () => {
    expect(OFFER_STATUSES.filter((s) => offerActions(s).withdraw)).toEqual(['pending_approval', 'sent', 'accepted']);
  });

  it('records the report (报到) once the letter is out and not declined: sent or accepted', () => {
    expect(OFFER_STATUSES.filter((s) => offerActions(s).report)).toEqual(['sent', 'accepted']);
  });
});

describe('the salary on the level ladder (§2: outside it the GM approves)', () => {
  const ladder = { trainee: 1800, junior: 2200 };
  it('is the level’s base salary up to the percent above, in whole yuan, as the API computes it', () => {
    expect(ladderRangeOf('trainee', ladder, 20)).toEqual({ min: 1800, max: 2160 });
    expect(ladderRangeOf('junior', ladder, 15)).toEqual({ min: 2200, max: 2530 });
    expect(ladderRangeOf('senior', ladder, 20)).toBeUndefined();
    expect(ladderRangeOf('trainee', undefined, 20)).toBeUndefined();
  });

  it('a salary below the base or above the top of the range is outside; both ends are inside', () => {
    const range = { min: 1800, max: 2160 };
    expect([1799, 1800, 2160, 2161].map((s) => outsideLadder(s, range))).toEqual([true, false, false, true]);
    expect(outsideLadder('2500', range)).toBe(true);
    expect(outsideLadder('', range)).toBeUndefined();
    expect(outsideLadder(2000, undefined)).toBeUndefined();
  });
});

describe('the form’s other rules', () => {
  it('takes the probation policy’s length (§3: 3 months by default, 1–6), with those values while it loads', () => {
    expect(probationBounds(undefined)).toEqual({ defaultMonths: 3, min: 1, max: 6 });
    expect(probationBounds({ defaultMonths: 2, minMonths: 1, maxMonths: 4 })).toEqual({ defaultMonths: 2, min: 1, max: 4 });
  });

  it('offers only to candidates whose hire the GM approved and who have no offer yet', () => {
    const candidates = [
      { id: 'a', stage: 'offer', offerId: null },
      { id: 'b', stage: 'offer', offerId: 'o1' },
      { id: 'c', stage: 'interview' },
      { id: 'd', stage: 'offer' },
    ];
    expect(offerableCandidates(candidates).map((c) => c.id)).toEqual(['a', 'd']);
  });

  it('the last day to report is the start date + reportWithinDays (§2: 10), across a month end', () => {
    expect(reportByOf('2026-03-25', 10)).toBe('2026-04-04');
    expect(reportByOf('', 10)).toBeUndefined();
  });
});

describe('the report’s body (POST /offers/{id}/report, a strict schema)', () => {
  it('leaves out empty pickers and texts, so the API’s defaults apply', () => {
    expect(reportBody({ reportedOn: '2026-03-02', documentsSeen: ['diploma', 'id_card', 'health_check'], mentorId: null, superiorId: '', employeeNo: '  ' })).toEqual({
      reportedOn: '2026-03-02', documentsSeen: ['id_card', 'diploma', 'health_check'],
    });
    expect(reportBody({ documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: 'e1', superiorId: 'e2', employeeNo: ' CS0101 ' })).toEqual({
      documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: 'e1', superiorId: 'e2', employeeNo: 'CS0101',
    });
  });

  it('always sends the documents, so a missing one is the API’s 422 rather than its default of all three', () => {
    expect(reportBody({})).toEqual({ documentsSeen: [] });
    expect(reportBody({ documentsSeen: ['id_card', 'passport'] })).toEqual({ documentsSeen: ['id_card'] });
  });
});
