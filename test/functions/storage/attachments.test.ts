import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.js';
import { attachmentRefs, claimAttachments, createAttachment, getAttachment, uploadKey } from '../../../functions/storage/attachments.js';
import { newId } from '../../../functions/storage/ids.js';
import { transact } from '../../../functions/storage/transact.js';
import { testApi, type TestApi } from '../../support/api.js';

/**
 * `claimAttachments`, the helper another feature (comments) uses to take files into its own
 * transaction (#12 attachments), on DynamoDB Local and s3rver.
 */
let api: TestApi;
const owner = { id: 'user-a', name: '甲' };
const target = (targetId: string) => ({ requestKind: 'probation', requestId: 'r1', via: 'comment' as const, targetId });

beforeAll(async () => {
  api = await testApi();
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

async function uploaded(body = Buffer.from('hello'), contentType = 'text/plain'): Promise<string> {
  const id = newId();
  await createAttachment(api.store, { id, fileName: 'a.txt', contentType, size: body.length, uploaderId: owner.id, uploaderName: owner.name, createdAt: api.clock.now.toISOString() }, 'api');
  await (await api.objects.s3()).send(new PutObjectCommand({ Bucket: api.objects.bucket, Key: uploadKey(id), Body: body, ContentType: contentType }));
  return id;
}

const deps = () => ({ store: api.store, objects: api.objects, now: () => api.clock.now });
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.field}` : String(e)));

describe('claimAttachments (#12 attachments)', () => {
  it('returns what to show and the writes for the caller’s own transaction; after it the file is attached to the target', async () => {
    const id = await uploaded();
    const claim = await claimAttachments(deps(), [id], owner, target('c1'));
    expect(claim.refs).toEqual([{ id, fileName: 'a.txt', contentType: 'text/plain', size: 5 }]);
    expect((await getAttachment(api.store, id, api.clock.now))?.status).toBe('pending');
    await transact(api.store, claim.items);
    expect(await getAttachment(api.store, id, api.clock.now)).toMatchObject({ status: 'attached', target: target('c1'), objectKey: `files/${id}` });
    expect(await attachmentRefs(api.store, [id], api.clock.now)).toEqual(claim.refs);
    // Attached once, never again.
    expect(await codeOf(claimAttachments(deps(), [id], owner, target('c2')))).toBe('ATTACHMENT.INVALID attachments');
  });

  it('two transactions claiming one file at the same moment: exactly one wins (the condition, not the check before it)', async () => {
    const id = await uploaded();
    const [a, b] = await Promise.all([claimAttachments(deps(), [id], owner, target('x')), claimAttachments(deps(), [id], owner, target('y'))]);
    const results = await Promise.all([codeOf(transact(api.store, a.items)), codeOf(transact(api.store, b.items))]);
    expect(results.sort()).toEqual(['ATTACHMENT.INVALID attachments', 'ok']);
  });

  it('refuses another person’s upload, a file not uploaded yet, and a pending upload past its day', async () => {
    const mine = await uploaded();
    expect(await codeOf(claimAttachments(deps(), [mine], { id: 'user-b' }, target('z')))).toBe('ATTACHMENT.INVALID attachments');
    const id = newId();
    await createAttachment(api.store, { id, fileName: 'b.pdf', contentType: 'application/pdf', size: 3, uploaderId: owner.id, uploaderName: owner.name, createdAt: api.clock.now.toISOString() }, 'api');
    expect(await codeOf(claimAttachments(deps(), [id], owner, target('z')))).toBe('ATTACHMENT.NOT_UPLOADED attachments');
    const later = { ...deps(), now: () => new Date(api.clock.now.getTime() + 25 * 3600_000) };
    expect(await codeOf(claimAttachments(later, [mine], owner, target('z')))).toBe('ATTACHMENT.INVALID attachments');
  });
});
