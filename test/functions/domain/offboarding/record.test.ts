import { describe, expect, it } from 'vitest';
import {
  amountOwed, checkInventory, closeBlockers, completedOn, emptyExitForm, inventoryFrom, nextTimerDate, payDate, type HandoverItem, type Offboarding,
} from '../../../../functions/domain/offboarding/record.js';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';

const policy = DEFAULT_POLICIES.offboarding;
const item = (id: string, receivedOn: string | null): HandoverItem => ({
  id, source: 'other', description: id, descriptionEn: id, refId: null, receiverEmployeeId: null, receiverName: null,
  receivedAt: receivedOn ? `${receivedOn}T02:00:00.000Z` : null, receivedOn, receivedByName: receivedOn ? 'HR' : null,
});
const by = (on: string) => ({ name: '孙主管', at: `${on}T02:00:00.000Z`, on });

function record(over: Partial<Offboarding> = {}): Offboarding {
  return {
    id: 'o1', employeeId: 'e1', employeeName: '冯组长', employeeNo: 'T1', employeePath: '/gm/e1/', superiorId: 'gm', reason: 'resignation', lastDay: '2027-01-20',
    resignationId: 'r1', reviewId: null, status: 'open', handover: [], inventory: [], exitForm: emptyExitForm(),
    finalPay: { ...policy.finalPay }, reminderDaysBefore: policy.reminderDaysBefore, policyVersion: 1,
    remindedAt: null, leftAt: null, closedAt: null, closedByName: null, cancellation: null, openedByName: null,
    createdAt: '2026-12-20T02:00:00.000Z', updatedAt: '2026-12-20T02:00:00.000Z', version: 1, ...over,
  };
}

describe('the offboarding record (POLICIES.md §9; 001 六(三): pay on the 15th of the month after the handover is complete)', () => {
  it('the last signature on the 31st pays on the 15th of the next month; on the 1st, a month later', () => {
    const onThe31st = record({ lastDay: '2027-01-20', handover: [item('h1', '2027-01-10'), item('h2', '2027-01-31')] });
    expect(completedOn(onThe31st)).toBe('2027-01-31');
    expect(payDate(onThe31st)).toEqual({ finalPayDate: '2027-02-15', fixed: true });
    const onThe1st = record({ lastDay: '2027-01-20', handover: [item('h1', '2027-01-10'), item('h2', '2027-02-01')] });
    expect(payDate(onThe1st)).toEqual({ finalPayDate: '2027-03-15', fixed: true });
  });

  it('never before the last day: everything signed early counts from the last day itself', () => {
    const early = record({ lastDay: '2027-02-01', handover: [item('h1', '2027-01-15')] });
    expect(completedOn(early)).toBe('2027-02-01');
    expect(payDate(early).finalPayDate).toBe('2027-03-15');
  });

  it('until everything is signed, the pay date is the earliest it can be, and provisional; an unchecked inventory item counts as unsigned', () => {
    const open = record({ lastDay: '2027-01-20', handover: [item('h1', '2027-01-18'), item('h2', null)] });
    expect(completedOn(open)).toBeNull();
    expect(payDate(open)).toEqual({ finalPayDate: '2027-02-15', fixed: false });
    const inventory = inventoryFrom(policy.inventoryItems);
    const allButOne = record({ inventory: inventory.map((i, n) => (n === 0 ? i : checkInventory(i, { returned: true }, by('2027-01-19')))) });
    expect(completedOn(allButOne)).toBeNull();
    const all = record({ inventory: inventory.map((i) => checkInventory(i, { returned: true }, by('2027-02-03'))) });
    expect(payDate(all)).toEqual({ finalPayDate: '2027-03-15', fixed: true });
  });

  it('a missing item costs the policy’s amount unless another is recorded; a returned one costs nothing and cannot carry an amount (001 六(二)(四))', () => {
    const [badge, headset] = inventoryFrom(policy.inventoryItems);
    expect(headset).toMatchObject({ item: '耳麦', defaultAmount: 150, returned: null });
    const lost = checkInventory(headset!, { returned: false }, by('2027-01-19'));
    const cheaper = checkInventory(badge!, { returned: false, amount: 5 }, by('2027-01-19'));
    expect([lost.amount, cheaper.amount]).toEqual([150, 5]);
    expect(amountOwed({ inventory: [lost, cheaper, checkInventory(badge!, { returned: true }, by('2027-01-19'))] })).toBe(155);
    expect(() => checkInventory(badge!, { returned: true, amount: 20 }, by('2027-01-19'))).toThrow(expect.objectContaining({ code: 'OFFBOARDING.RETURNED_WITH_AMOUNT', field: 'amount' }));
  });

  it('the timers: the reminder the policy’s days before the last day, then the day after it; none once done or closed', () => {
    expect(nextTimerDate(record({ lastDay: '2027-01-20' }))).toBe('2027-01-17');
    expect(nextTimerDate(record({ lastDay: '2027-01-20', remindedAt: '2027-01-17T00:15:00Z' }))).toBe('2027-01-21');
    expect(nextTimerDate(record({ lastDay: '2027-01-20', reminderDaysBefore: 0 }))).toBe('2027-01-21');
    expect(nextTimerDate(record({ leftAt: '2027-01-21T00:15:00Z' }))).toBeNull();
    expect(nextTimerDate(record({ status: 'cancelled' }))).toBeNull();
  });

  it('HR closes only after the last day, with everything signed and the exit form filled: each missing part is named', () => {
    const blockers = closeBlockers(record({ handover: [item('h1', null)], inventory: inventoryFrom(policy.inventoryItems) }), policy.exitReasons).map((b) => b.field);
    expect(blockers).toEqual(['lastDay', 'handover', 'inventory', 'exitForm']);
    const ready = record({
      leftAt: '2027-01-21T00:15:00Z', handover: [item('h1', '2027-01-20')],
      exitForm: { reasonCategory: 'family', interviewNotes: null, rehireEligible: false, updatedAt: null, updatedByName: null },
    });
    expect(closeBlockers(ready, policy.exitReasons)).toEqual([]);
    expect(closeBlockers({ ...ready, exitForm: { ...ready.exitForm, reasonCategory: 'not-a-reason' } }, policy.exitReasons).map((b) => b.field)).toEqual(['exitForm']);
  });
});
