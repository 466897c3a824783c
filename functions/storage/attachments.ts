/**
 * Attachment metadata (issue #12): `ATTACH#<id>` / `ATTACH` (keys.ts). An upload starts
 * `pending` under `uploads/<id>` (the bucket deletes what is left there after a day, and the
 * item expires with it); a decision or comment **claims** it in its own transaction: the item
 * becomes `attached` to the request, and the file has been copied to `files/<id>`, which is kept.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { checkAttachmentIds } from '../domain/attachments/rules.js';
import type { AttachmentRef, AttachmentTarget } from '../domain/attachments/types.js';
import { auditPut, type Channel } from './audit.js';
import type { Store } from './client.js';
import { attachmentKey, stripKeys } from './keys.js';
import { copyObject, headObject, type ObjectStore } from './objects.js';
import { getPolicy } from './policies.js';
import { transact, type TxItem } from './transact.js';
import { batchGetById } from './batch-get.js';

export interface Attachment extends AttachmentRef {
  uploaderId: string;
  uploaderName: string;
  status: 'pending' | 'attached';
  /** Where the file is: `uploads/<id>` while pending, `files/<id>` once attached. */
  objectKey: string;
  createdAt: string;
  /** Pending only: epoch seconds after which it can no longer be claimed (DynamoDB TTL; readers check it). */
  expiresAt?: number;
  target: AttachmentTarget | null;
  attachedAt: string | null;
}

/** How long a pending upload may be claimed: within the bucket's one-day expiry of `uploads/`, which never comes sooner. */
export const PENDING_HOURS = 24;
export const uploadKey = (id: string) => `uploads/${id}`;
export const fileKey = (id: string) => `files/${id}`;

const live = (a: Attachment | null, now: Date): Attachment | null =>
  a && (a.status !== 'pending' || (a.expiresAt ?? 0) * 1000 > now.getTime()) ? a : null;

/** Records a new pending upload with its audit record. */
export async function createAttachment(store: Store, a: Omit<Attachment, 'status' | 'objectKey' | 'expiresAt' | 'target' | 'attachedAt'>, channel: Channel): Promise<Attachment> {
  const record: Attachment = {
    ...a, status: 'pending', objectKey: uploadKey(a.id), expiresAt: Math.floor(Date.parse(a.createdAt) / 1000) + PENDING_HOURS * 3600, target: null, attachedAt: null,
  };
  await transact(store, [
    { write: { Put: { TableName: store.table, Item: { ...attachmentKey(a.id), entity: 'attachment', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } } },
    {
      write: auditPut(store, {
        entityType: 'attachment', entityId: a.id, action: 'upload', actor: { id: a.uploaderId, name: a.uploaderName }, channel, at: a.createdAt,
        before: null, after: { fileName: a.fileName, contentType: a.contentType, size: a.size },
      }),
    },
  ]);
  return record;
}

/** One attachment; a pending one past its time reads as none (DynamoDB Local never expires items). */
export async function getAttachment(store: Store, id: string, now: Date): Promise<Attachment | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: attachmentKey(id), ConsistentRead: true }));
  return live(out.Item ? (stripKeys(out.Item) as Attachment) : null, now);
}

/** Several attachments, in the order asked, those that exist (and have not expired). */
export async function getAttachments(store: Store, ids: readonly string[], now: Date): Promise<Attachment[]> {
  return (await batchGetById<Attachment>(store, ids, attachmentKey)).flatMap((a) => live(a, now) ?? []);
}

/** What a decision or comment shows of an attachment. */
export const refOf = (a: AttachmentRef): AttachmentRef => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size });

/** The attachments of a decision or comment as it shows them, from their ids (a comments list reads them here). */
export async function attachmentRefs(store: Store, ids: readonly string[], now: Date): Promise<AttachmentRef[]> {
  return (await getAttachments(store, ids, now)).map(refOf);
}

export interface Claim {
  /** What the decision or comment keeps and shows. */
  refs: AttachmentRef[];
  /** Written in the transaction of the decision or comment: each item becomes attached to `target`, if still pending and the owner's. */
  items: TxItem[];
}

/**
 * Validates attachment ids for a decision or comment and prepares claiming them. Every id must
 * be an upload of `owner`, pending (not attached elsewhere, not expired), and its file must be
 * uploaded exactly as declared (type and size; s3rver, unlike S3, does not enforce the signed
 * headers). The file is copied to where attached files are kept; the returned `items` make it
 * attached in the caller's own transaction, conditional on it still being pending and the
 * owner's, so two decisions cannot claim one file. At most the policy's `attachments.perItem`
 * ids (approvals policy). Refusals name the field `attachments` (422).
 */
export async function claimAttachments(
  deps: { store: Store; objects: ObjectStore; now: () => Date },
  ids: readonly string[],
  owner: { id: string },
  target: AttachmentTarget,
): Promise<Claim> {
  if (ids.length === 0) return { refs: [], items: [] };
  const policy = (await getPolicy(deps.store, 'approvals')).values.attachments;
  checkAttachmentIds(policy, ids);
  const now = deps.now();
  const found = new Map((await getAttachments(deps.store, ids, now)).map((a) => [a.id, a]));
  const mine = ids.map((id) => {
    const a = found.get(id);
    if (!a || a.uploaderId !== owner.id || a.status !== 'pending') throw new DomainError('ATTACHMENT.INVALID', 'attachments', { id });
    return a;
  });
  for (const a of mine) {
    const stored = await headObject(deps.objects, a.objectKey);
    if (!stored || stored.size !== a.size || stored.contentType !== a.contentType) throw new DomainError('ATTACHMENT.NOT_UPLOADED', 'attachments', { fileName: a.fileName });
    await copyObject(deps.objects, a.objectKey, fileKey(a.id), stored.etag);
  }
  const at = now.toISOString();
  const items: TxItem[] = mine.map((a) => ({
    write: {
      Update: {
        TableName: deps.store.table,
        Key: attachmentKey(a.id),
        UpdateExpression: 'SET #status = :attached, target = :target, attachedAt = :at, objectKey = :key REMOVE expiresAt',
        ConditionExpression: '#status = :pending AND uploaderId = :me AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':attached': 'attached', ':target': target, ':at': at, ':key': fileKey(a.id), ':pending': 'pending', ':me': owner.id, ':now': Math.floor(now.getTime() / 1000) },
      },
    },
    onConditionFailed: () => new DomainError('ATTACHMENT.INVALID', 'attachments', { id: a.id }),
  }));
  return { refs: mine.map(refOf), items };
}

/** The audit record of one download (who, when, through which channel), written before the link is handed out. */
export async function recordDownload(store: Store, a: Attachment, actor: { id: string; name: string }, channel: Channel, at: string): Promise<void> {
  await transact(store, [{
    write: auditPut(store, {
      entityType: 'attachment', entityId: a.id, action: 'download', actor, channel, at, before: null,
      after: { fileName: a.fileName, ...(a.target ? { requestKind: a.target.requestKind, requestId: a.target.requestId } : {}) },
    }),
  }]);
}
