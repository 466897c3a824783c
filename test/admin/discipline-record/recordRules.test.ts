import { describe, expect, it } from 'vitest';
import { canExportFines, canRecordViolationFor, canRecordViolations } from '../../../admin/src/discipline-record/access.js';
import { recordRefusal } from '../../../admin/src/discipline-record/recordErrors.js';
import { problemToHttpError } from '../../../admin/src/providers/http.js';
import { companyDateTime, isFuture, toOccurredAt } from '../../../admin/src/discipline-record/violationTime.js';

describe('who records a violation, and who exports the fines (the API’s discipline:write and discipline:manage)', () => {
  it('a team lead and above record; an agent does not', () => {
    for (const role of ['team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin']) expect(canRecordViolations([role]), role).toBe(true);
    expect(canRecordViolations(['agent'])).toBe(false);
    expect(canRecordViolations(undefined)).toBe(false);
  });

  it('never on one’s own file, nor for someone who has left', () => {
    const lead = { roles: ['team_lead'], employeeId: 'e1' };
    expect(canRecordViolationFor(lead, { id: 'e2', status: 'regular' })).toBe(true);
    expect(canRecordViolationFor(lead, { id: 'e1', status: 'regular' })).toBe(false);
    expect(canRecordViolationFor(lead, { id: 'e3', status: 'terminated' })).toBe(false);
    expect(canRecordViolationFor({ roles: ['agent'], employeeId: 'e9' }, { id: 'e2', status: 'regular' })).toBe(false);
  });

  it('HR and administrators export the fines', () => {
    expect(canExportFines(['hr'])).toBe(true);
    expect(canExportFines(['admin'])).toBe(true);
    for (const role of ['gm', 'cs_manager', 'supervisor', 'team_lead', 'agent']) expect(canExportFines([role]), role).toBe(false);
  });
});

describe('违纪时间 in company time (Asia/Shanghai), whatever the browser’s zone', () => {
  it('defaults to now, to the minute, and goes to the API with the +08:00 offset', () => {
    expect(companyDateTime(new Date('2026-11-30T16:05:42Z'))).toBe('2026-12-01T00:05');
    expect(toOccurredAt('2026-12-01T00:05')).toBe('2026-12-01T00:05:00+08:00');
    expect(toOccurredAt('2026-12-01')).toBeUndefined();
    expect(toOccurredAt(null)).toBeUndefined();
  });

  it('a time after now is in the future (the API refuses it)', () => {
    const now = new Date('2026-11-30T16:05:42Z');
    expect(isFuture('2026-12-01T00:05', now)).toBe(false);
    expect(isFuture('2026-12-01T00:06', now)).toBe(true);
    expect(isFuture('', now)).toBe(false);
  });
});

describe('where the record dialog says what the API refused (422 names the field)', () => {
  const refused = (errors: Array<{ path: string; message: string }>, detail = '请检查输入') => {
    const error = problemToHttpError(422, { title: 'Unprocessable', detail, errors });
    return recordRefusal({ message: error.message, body: error.body });
  };

  it('the violation, the time and the facts under their inputs', () => {
    expect(refused([{ path: 'occurredAt', message: '违纪时间不能晚于现在' }, { path: 'facts', message: '请填写违纪事实' }])).toEqual({
      inputs: { occurredAt: '违纪时间不能晚于现在', facts: '请填写违纪事实' }, evidence: undefined, refusal: null,
    });
  });

  it('an attachment under the files; the employee (not under the issuer, oneself) above the buttons', () => {
    expect(refused([{ path: 'evidence[0]', message: '附件不存在' }])).toEqual({ inputs: undefined, evidence: '附件不存在', refusal: null });
    expect(refused([{ path: 'employeeId', message: '只能为下属记录违纪' }])).toEqual({ inputs: undefined, evidence: undefined, refusal: '只能为下属记录违纪' });
  });

  it('a refusal without fields (403) in its own words', () => {
    const error = problemToHttpError(403, { title: 'Forbidden', detail: '您没有权限执行此操作' });
    expect(recordRefusal({ message: error.message, body: error.body })).toEqual({ inputs: undefined, evidence: undefined, refusal: '您没有权限执行此操作' });
  });
});
