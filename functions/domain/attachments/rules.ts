/**
 * The attachment rules (issue #12): what may be uploaded and how many go on one decision or
 * comment, by the approvals policy's `attachments` section. No I/O.
 */
import { DomainError } from '../errors.js';
import { ATTACHMENT_TYPE_NAMES, ATTACHMENT_TYPES, type AttachmentType, type AttachmentsPolicy } from './types.js';

/** `application/PDF; charset=x` → `application/pdf`. */
export function normalizeContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The policy's kind of file for a media type, or null when none matches. */
export function typeOf(contentType: string): AttachmentType | null {
  const media = normalizeContentType(contentType);
  return ATTACHMENT_TYPE_NAMES.find((t) => (ATTACHMENT_TYPES[t].mediaTypes as readonly string[]).includes(media)) ?? null;
}

/** A size for people: 20 MB, 512 KB, 900 B. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/**
 * An upload the policy allows, with its media type normalized; else 422 naming `contentType`
 * (policy attachments.allowedTypes) or `size` (policy attachments.maxBytes).
 */
export function checkUpload(policy: AttachmentsPolicy, file: { contentType: string; size: number }): { contentType: string; type: AttachmentType } {
  const type = typeOf(file.contentType);
  if (!type || !policy.allowedTypes.includes(type)) {
    throw new DomainError('ATTACHMENT.TYPE_NOT_ALLOWED', 'contentType', { allowed: policy.allowedTypes.map((t) => ATTACHMENT_TYPES[t].label).join(', ') });
  }
  if (!Number.isInteger(file.size) || file.size < 1) throw new DomainError('ATTACHMENT.EMPTY', 'size');
  if (file.size > policy.maxBytes) throw new DomainError('ATTACHMENT.TOO_LARGE', 'size', { max: sizeText(policy.maxBytes) });
  return { contentType: normalizeContentType(file.contentType), type };
}

/** The ids one decision or comment names: at most `perItem` (policy attachments.perItem), each once. */
export function checkAttachmentIds(policy: AttachmentsPolicy, ids: readonly string[]): void {
  if (ids.length > policy.perItem) throw new DomainError('ATTACHMENT.TOO_MANY', 'attachments', { max: policy.perItem });
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new DomainError('ATTACHMENT.INVALID', 'attachments', { id: twice });
}

/** The name to keep and to offer on download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const base = fileName.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.trim();
  return (base || 'file').slice(0, 200);
}
