import { describe, expect, it } from 'vitest';
import { actionChain, afterVerb, isSettling, offeredVerbs, padFor, printPath, signingWords } from '../../../admin/src/disciplinary-actions/actions.js';
import { fieldError } from '../../../admin/src/disciplinary-actions/serverErrors.js';
import { ownPageOfTask } from '../../../admin/src/disciplinary-actions/taskPage.js';
import type { DisciplineCan } from '../../../admin/src/disciplinary-actions/types.js';
import { problemToHttpError } from '../../../admin/src/providers/http.js';
import { anAction, aStep } from './builders.js';

const none: DisciplineCan = { acknowledge: false, refuse: false, witness: false, nameWitnesses: false, appeal: false };
const can = (over: Partial<DisciplineCan>) => ({ ...none, ...over });

describe('what the action’s page offers: only what the API’s `can` allows', () => {
  it('the employee with a notice to sign: the pad to sign (签收), and 拒签', () => {
    const r = anAction({ can: can({ acknowledge: true, refuse: true }) });
    expect(offeredVerbs(r)).toEqual(['acknowledge', 'refuse']);
    expect(padFor(r)).toBe('acknowledge');
  });

  it('the employee in the appeal window: 申诉, and no pad', () => {
    const r = anAction({ status: 'appeal_window', can: can({ appeal: true }) });
    expect(offeredVerbs(r)).toEqual(['appeal']);
    expect(padFor(r)).toBeNull();
  });

  it('the issuer: 指定见证人 only; a named witness after a refusal: the pad to witness (见证签字)', () => {
    expect(offeredVerbs(anAction({ can: can({ nameWitnesses: true }) }))).toEqual(['nameWitnesses']);
    const witness = anAction({ can: can({ witness: true }) });
    expect(offeredVerbs(witness)).toEqual(['witness']);
    expect(padFor(witness)).toBe('witness');
  });

  it('a reader with nothing to do, or a record read without `can` (a list row, a verb’s answer): nothing', () => {
    expect(offeredVerbs(anAction({ can: none }))).toEqual([]);
    const { can: _unknown, ...listed } = anAction();
    expect(offeredVerbs(listed)).toEqual([]);
    expect(padFor(listed)).toBeNull();
  });

  it('a verb’s answer replaces the record at once, keeping the timeline read before and offering nothing until read again', () => {
    const before = anAction({ steps: [aStep('notice')], can: can({ acknowledge: true, refuse: true }) });
    const { steps: _s, can: _c, ...answer } = anAction({ status: 'appeal_window', servedAt: '2026-11-02T02:00:00.000Z', version: 2 });
    const shown = afterVerb(before, answer);
    expect(shown).toMatchObject({ status: 'appeal_window', version: 2, steps: before.steps });
    expect(offeredVerbs(shown)).toEqual([]);
    expect(afterVerb(undefined, answer).steps).toEqual([]);
  });
});

describe('reading the action again while the workflow catches up', () => {
  const now = Date.parse('2026-11-02T01:01:00.000Z');
  it('signed, but the appeal window’s step is not open yet: read again; once it is, stop', () => {
    const signed = anAction({ status: 'appeal_window', updatedAt: '2026-11-02T01:00:30.000Z', steps: [aStep('notice', 'decided')] });
    expect(isSettling(signed, now)).toBe(true);
    expect(isSettling({ ...signed, steps: [aStep('notice', 'decided'), aStep('appeal')] }, now)).toBe(false);
  });

  it('just issued (no notice step yet), and just appealed (no answer step yet)', () => {
    expect(isSettling(anAction({ steps: [] }), now)).toBe(true);
    expect(isSettling(anAction({ steps: [aStep('notice')] }), now)).toBe(false);
    const appealed = anAction({ status: 'under_appeal', steps: [aStep('notice', 'decided'), aStep('appeal', 'decided')] });
    expect(isSettling(appealed, now)).toBe(true);
    expect(isSettling({ ...appealed, steps: [...appealed.steps!, aStep('appeal_review')] }, now)).toBe(false);
  });

  it('never for an ended action, a record without its timeline, or one unchanged for minutes', () => {
    expect(isSettling(anAction({ status: 'effective', steps: [] }), now)).toBe(false);
    expect(isSettling(anAction(), now)).toBe(false);
    expect(isSettling(anAction({ steps: [] }), now + 10 * 60_000)).toBe(false);
    expect(isSettling(undefined, now)).toBe(false);
  });
});

describe('the action’s chain, as the shared timeline shows it', () => {
  const label = (key: string) => `<${key}>`;
  it('签收处罚单 → 申诉期, waiting at the step its status names', () => {
    expect(actionChain(anAction(), label)).toEqual({ chain: [{ key: 'notice', label: '<notice>' }, { key: 'appeal', label: '<appeal>' }], currentStep: 'notice' });
    expect(actionChain(anAction({ status: 'appeal_window' }), label).currentStep).toBe('appeal');
  });

  it('appealed, 申诉处理 is added and waited on; ended, nothing is waited on', () => {
    const appeal = { reason: '有人作证', at: '2026-11-04T01:00:00.000Z', reviewerNames: ['王主管'] };
    const appealed = actionChain(anAction({ status: 'under_appeal', appeal }), label);
    expect(appealed.chain.map((s) => s.key)).toEqual(['notice', 'appeal', 'appeal_review']);
    expect(appealed.currentStep).toBe('appeal_review');
    expect(actionChain(anAction({ status: 'voided', appeal }), label)).toMatchObject({ currentStep: null });
  });

  it('a dismissal proposal has none (it is approved as kind dismissal)', () => {
    expect(actionChain(anAction({ level: 'dismissal', status: 'dismissal_pending', steps: [] }), label)).toEqual({ chain: [], currentStep: null });
  });
});

describe('the notice’s own words above the pad, and the print route', () => {
  it('signing is receipt, not agreement: the notice’s 签收说明 (or Signing) row', () => {
    expect(signingWords(anAction())).toMatch(/^签字仅表示已收到本处罚单，不代表同意处罚内容/);
    expect(signingWords(anAction({ notice: { title: 'x', text: 'x', rows: [['Signing', 'Signing only confirms you received this notice']] } }))).toBe('Signing only confirms you received this notice');
    expect(signingWords(anAction({ notice: { title: 'x', text: 'x', rows: [['员工', '张三']] } }))).toBeUndefined();
  });

  it('prints at #/disciplinary-actions/<id>/print', () => {
    expect(printPath('da 1')).toBe('/disciplinary-actions/da%201/print');
  });
});

describe('待我审批 sends the employee’s own steps of a 处罚单 to its page', () => {
  it('签收 (notice) and 申诉 (appeal) go to the action’s page; the appeal’s answer and other kinds stay', () => {
    expect(ownPageOfTask({ requestKind: 'discipline', requestId: 'da1', stepKey: 'notice' })).toBe('/disciplinary-actions/da1/show');
    expect(ownPageOfTask({ requestKind: 'discipline', requestId: 'da1', stepKey: 'appeal' })).toBe('/disciplinary-actions/da1/show');
    expect(ownPageOfTask({ requestKind: 'discipline', requestId: 'da1', stepKey: 'appeal_review' })).toBeNull();
    expect(ownPageOfTask({ requestKind: 'dismissal', requestId: 'da1d', stepKey: 'supervisor' })).toBeNull();
    expect(ownPageOfTask({ requestKind: 'resignation', requestId: 'r1', stepKey: 'notice' })).toBeNull();
  });
});

describe('a refused verb’s field errors, for the parts no form input owns', () => {
  it('the signature’s, the files’, and the first of a list’s (userIds[1])', () => {
    const error = problemToHttpError(422, { detail: '见证人无效', errors: [{ path: 'signature', message: '签名图片无效' }, { path: 'userIds[1]', message: '不能是发起人' }, { path: 'attachments', message: '附件无效' }] });
    expect(fieldError(error, 'signature')).toBe('签名图片无效');
    expect(fieldError(error, 'userIds')).toBe('不能是发起人');
    expect(fieldError(error, 'attachments')).toBe('附件无效');
    expect(fieldError(error, 'reason')).toBeUndefined();
    expect(fieldError(problemToHttpError(409, { detail: '已签收' }), 'signature')).toBeUndefined();
    expect(fieldError(new Error('network'), 'signature')).toBeUndefined();
  });
});
