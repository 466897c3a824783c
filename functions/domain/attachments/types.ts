/**
 * Attachments (issue #12): files on a request, a decision or a comment. The kinds of file HR
 * may allow, by a short name the policy stores (`pdf`, `xlsx`), each with the media types a
 * browser or client sends for it. Pure data: the rules are in rules.ts.
 */
export const ATTACHMENT_TYPES = {
  pdf: { label: 'PDF', mediaTypes: ['application/pdf'] },
  jpeg: { label: 'JPEG', mediaTypes: ['image/jpeg'] },
  png: { label: 'PNG', mediaTypes: ['image/png'] },
  webp: { label: 'WebP', mediaTypes: ['image/webp'] },
  xlsx: { label: 'Excel (xlsx)', mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  xls: { label: 'Excel (xls)', mediaTypes: ['application/vnd.ms-excel'] },
  docx: { label: 'Word (docx)', mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  doc: { label: 'Word (doc)', mediaTypes: ['application/msword'] },
  csv: { label: 'CSV', mediaTypes: ['text/csv'] },
  txt: { label: 'TXT', mediaTypes: ['text/plain'] },
  // Windows browsers name a zip file `application/x-zip-compressed`.
  zip: { label: 'ZIP', mediaTypes: ['application/zip', 'application/x-zip-compressed'] },
} as const satisfies Record<string, { label: string; mediaTypes: readonly string[] }>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

/** The attachments section of the approvals policy: limits HR sets, never literals in code. */
export interface AttachmentsPolicy {
  /** Largest file in bytes (gap: 20 MB). */
  maxBytes: number;
  /** Kinds of file accepted (gap: office documents, PDF, images, CSV, text, ZIP). */
  allowedTypes: AttachmentType[];
  /** Most attachments on one decision or comment (gap: 10). */
  perItem: number;
}

/** What a decision or comment shows of each of its attachments (the timeline, the comment list). */
export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * What an attachment is attached to, once claimed: a request, through one of its decisions or
 * comments; or a candidate's CV (`via: 'cv'`, `requestKind` CANDIDATE_CV_KIND, `requestId` =
 * `targetId` = the candidate's id), read by the candidate's rule, not a request's.
 */
export interface AttachmentTarget {
  requestKind: string;
  requestId: string;
  /** `request`: the request itself, as started (`targetId` = request id); `decision`: an approval task's decision (`targetId` = task id); `comment`: a comment on the request; `cv`: a candidate's CV. */
  via: 'request' | 'decision' | 'comment' | 'cv';
  targetId: string;
}

/** The `requestKind` of a candidate's CV (no request kind of the engine is named so). */
export const CANDIDATE_CV_KIND = 'candidate';
