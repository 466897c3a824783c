import type { ApprovalStep } from '../../../admin/src/approvals/types.js';
import type { DisciplinaryAction } from '../../../admin/src/disciplinary-actions/types.js';

/** A verbal warning as the API shows it just after it was issued (2026-11-02 09:00 company time), with `over` changed. */
export function anAction(over: Partial<DisciplinaryAction> = {}): DisciplinaryAction {
  return {
    id: 'da1', status: 'pending_signature', statusLabel: '待签收', level: 'verbal', levelLabel: '口头警告', catalogueLevel: 'verbal',
    violationCode: 'V02', violation: { code: 'V02', level: 'verbal', fine: 10, label: '上班迟到' }, fine: 10,
    employeeId: 'e1', employeeName: '张三', employeeNo: 'E001', facts: '上班迟到 20 分钟', occurredAt: '2026-11-01T01:00:00.000Z', occurredOn: '2026-11-01',
    evidence: [], counted: [], countedSummary: [], rule: { code: 'as_catalogued', rules: ['as_catalogued'], text: '按违纪条款' },
    rolledUpInto: null, restored: null, countsUntil: '2027-11-01',
    terms: { countingMonths: 12, signDays: 3, appealDays: 3, appealAnswerDays: 7, witnesses: 2 },
    noticeHash: 'ab'.repeat(32),
    notice: { title: '处罚单：张三（口头警告）', rows: [['员工', '张三（E001）'], ['签收说明', '签字仅表示已收到本处罚单，不代表同意处罚内容；拒绝签字的，经 2 名见证人签字后生效']], text: '处罚单 da1' },
    signature: null, refusal: null, witnessIds: [], witnessNames: [], witnesses: [], servedAt: null, servedBy: null,
    appealLastDay: null, appealUntil: null, appeal: null, ruling: null, effectiveAt: null, voided: null, dismissal: null,
    requesterId: 'u-lead', requesterName: '李组长', policyVersion: 1,
    createdAt: '2026-11-02T01:00:00.000Z', updatedAt: '2026-11-02T01:00:00.000Z', version: 1,
    ...over,
  };
}

/** One record of a step, pending unless said otherwise. */
export function aStep(stepKey: string, status: ApprovalStep['status'] = 'pending'): ApprovalStep {
  return {
    id: `s-${stepKey}`, stepKey, status, attempt: 'ask', dueAt: '2026-11-05T01:00:00.000Z', createdAt: '2026-11-02T01:00:01.000Z',
    decision: status === 'decided' ? 'approve' : null, decidedByName: null, decidedAt: null, channel: null, comment: null,
  };
}
