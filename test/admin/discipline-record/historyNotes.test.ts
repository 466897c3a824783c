import { describe, expect, it } from 'vitest';
import { historyNotes } from '../../../admin/src/discipline-record/historyNotes.js';
import type { DisciplinaryAction } from '../../../admin/src/discipline-record/types.js';
import { translator } from './translate.js';

/** An action as the employee's history lists it, with what a test changes. */
const anAction = (over: Partial<DisciplinaryAction> = {}): DisciplinaryAction => ({
  id: 'a1', status: 'effective', statusLabel: '已生效', level: 'verbal', levelLabel: '口头警告', catalogueLevel: 'verbal', violationCode: 'V02',
  violation: { code: 'V02', level: 'verbal', fine: 10, label: '迟到或早退' }, fine: 10, employeeId: 'e1', employeeName: '张三',
  occurredAt: '2026-11-01T01:00:00Z', occurredOn: '2026-11-01', counted: [], rule: { code: 'as_catalogued', rules: ['as_catalogued'], text: '按违纪条款给予口头警告' },
  rolledUpInto: null, restored: null, countsUntil: '2027-10-31', voided: null, ...over,
});
const zh = translator('zh-CN');
const day = (date: string) => date;

describe('what the employee’s history says of each action', () => {
  it('a warning counted into a later one says into which (已合并计入 …); the later one says the catalogue’s own level', () => {
    const written = anAction({ id: 'a3', level: 'written', levelLabel: '书面警告', occurredOn: '2026-11-12', counted: ['a1', 'a2'], status: 'pending_signature', statusLabel: '待签收' });
    const first = anAction({ rolledUpInto: 'a3' });
    expect(historyNotes(first, [written, first], zh, day)).toEqual(['已合并计入 2026-11-12 的书面警告']);
    expect(historyNotes(written, [written, first], zh, day)).toEqual(['违纪条款规定为口头警告']);
    // The later one not on the page (another reader's scope): said without it.
    expect(historyNotes(first, [first], zh, day)).toEqual(['已合并计入后续处罚']);
  });

  it('a voided action says why (已撤销：申诉成立), an expired one until when it counted, a restored one that it counts again', () => {
    expect(historyNotes(anAction({ status: 'voided', statusLabel: '已撤销', voided: { reason: 'appeal_upheld', at: '2026-11-13T00:00:00Z', restored: [] } }), [], zh, day)).toEqual(['已撤销：申诉成立']);
    expect(historyNotes(anAction({ status: 'voided', statusLabel: '已撤销', voided: { reason: 'not_served', at: '2026-11-09T00:00:00Z', restored: [] } }), [], zh, day)).toEqual(['已撤销：逾期未签收送达']);
    expect(historyNotes(anAction({ status: 'expired', statusLabel: '已过期' }), [], zh, day)).toEqual(['已过期：计入升级至 2027-10-31']);
    expect(historyNotes(anAction({ restored: { fromActionId: 'a3', at: '2026-11-13T00:00:00Z' } }), [], zh, day)).toEqual(['所合并计入的处罚已撤销，重新计入']);
    expect(historyNotes(anAction(), [], zh, day)).toEqual([]);
  });
});
