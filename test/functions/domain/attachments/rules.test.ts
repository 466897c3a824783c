import { describe, expect, it } from 'vitest';
import { checkAttachmentIds, checkUpload, cleanFileName, sizeText } from '../../../../functions/domain/attachments/rules.js';
import { validateAttachmentsPolicy } from '../../../../functions/domain/attachments/policy-validation.js';
import { DomainError } from '../../../../functions/domain/errors.js';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';

const policy = DEFAULT_POLICIES.approvals.attachments;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, field: err.field, params: err.params };
    throw err;
  }
  throw new Error('not refused');
};

describe('attachment rules (#12 attachments)', () => {
  it('accepts an allowed kind within the size limit, its media type normalized (policy attachments.allowedTypes)', () => {
    expect(checkUpload(policy, { contentType: 'Application/PDF; charset=binary', size: 1000 })).toEqual({ contentType: 'application/pdf', type: 'pdf' });
    expect(checkUpload(policy, { contentType: 'application/x-zip-compressed', size: 1 }).type).toBe('zip');
  });

  it('refuses a kind of file the policy does not allow, naming contentType (policy attachments.allowedTypes)', () => {
    expect(refusal(() => checkUpload(policy, { contentType: 'text/html', size: 10 }))).toMatchObject({ code: 'ATTACHMENT.TYPE_NOT_ALLOWED', field: 'contentType' });
    expect(refusal(() => checkUpload({ ...policy, allowedTypes: ['png'] }, { contentType: 'application/pdf', size: 10 }))).toMatchObject({ code: 'ATTACHMENT.TYPE_NOT_ALLOWED', params: { allowed: 'PNG' } });
  });

  it('refuses a file over maxBytes, naming size and the limit in people’s units (policy attachments.maxBytes)', () => {
    expect(checkUpload(policy, { contentType: 'image/png', size: policy.maxBytes }).type).toBe('png');
    expect(refusal(() => checkUpload(policy, { contentType: 'image/png', size: policy.maxBytes + 1 }))).toEqual({ code: 'ATTACHMENT.TOO_LARGE', field: 'size', params: { max: '20 MB' } });
    expect(refusal(() => checkUpload(policy, { contentType: 'image/png', size: 0 }))).toMatchObject({ code: 'ATTACHMENT.EMPTY', field: 'size' });
  });

  it('takes at most perItem ids on one decision, each once (policy attachments.perItem)', () => {
    expect(() => checkAttachmentIds({ ...policy, perItem: 2 }, ['a', 'b'])).not.toThrow();
    expect(refusal(() => checkAttachmentIds({ ...policy, perItem: 2 }, ['a', 'b', 'c']))).toMatchObject({ code: 'ATTACHMENT.TOO_MANY', field: 'attachments', params: { max: 2 } });
    expect(refusal(() => checkAttachmentIds(policy, ['a', 'a']))).toMatchObject({ code: 'ATTACHMENT.INVALID', field: 'attachments' });
  });

  it('keeps a file name without folders or control characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\成绩单.pdf')).toBe('成绩单.pdf');
    expect(cleanFileName('../../etc/passwd\u0000')).toBe('passwd');
    expect(cleanFileName('  ')).toBe('file');
    expect(sizeText(512 * 1024)).toBe('512 KB');
  });
});

describe('the attachments section of the approvals policy HR saves (#12 attachments)', () => {
  it('accepts the defaults', () => expect(validateAttachmentsPolicy(policy)).toEqual([]));

  it('names each wrong value by its path', () => {
    const issues = validateAttachmentsPolicy({ maxBytes: 10, allowedTypes: ['pdf', 'exe', 'pdf'], perItem: 0, extra: 1 });
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'attachments.maxBytes POLICY.INTEGER_RANGE',
      'attachments.perItem POLICY.INTEGER_RANGE',
      'attachments.allowedTypes[1] POLICY.ONE_OF',
      'attachments.allowedTypes[2] POLICY.DUPLICATE_VALUE',
      'attachments.extra POLICY.ONE_OF',
    ]);
    expect(validateAttachmentsPolicy({ maxBytes: 2048, allowedTypes: [], perItem: 1 }).map((i) => i.path)).toEqual(['attachments.allowedTypes']);
  });
});
