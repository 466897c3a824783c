/**
 * The files a decision carries while they upload (issue #12), as plain state the panel keeps:
 * each file is started with POST /attachments, then PUT straight to its presigned URL; the
 * decision sends the ids of those that finished. No React here (test/admin tests it).
 */

/** POST /attachments's answer. */
export interface AttachmentUpload {
  id: string;
  uploadUrl: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** An attachment as a decision shows it (the timeline's `attachments`). */
export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface UploadItem {
  /** Local key (the id is known only once the API answered). */
  key: string;
  fileName: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  /** 0–100 while uploading. */
  percent: number;
  id: string | null;
  error: string | null;
}

let counter = 0;

export function newItem(file: { name: string; size: number }): UploadItem {
  counter += 1;
  return { key: `u${counter}`, fileName: file.name, size: file.size, status: 'uploading', percent: 0, id: null, error: null };
}

export const update = (items: readonly UploadItem[], key: string, change: Partial<UploadItem>): UploadItem[] =>
  items.map((i) => (i.key === key ? { ...i, ...change } : i));

/** Ids to send with the decision: the uploads that finished. */
export const readyIds = (items: readonly UploadItem[]): string[] => items.flatMap((i) => (i.status === 'done' && i.id ? [i.id] : []));

/** The decision waits while a file is still on its way (it would go without it). */
export const stillUploading = (items: readonly UploadItem[]): boolean => items.some((i) => i.status === 'uploading');

/** The type a browser gives a file, or one from its name when it gives none (some systems do not know .docx). */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword',
  csv: 'text/csv', txt: 'text/plain', zip: 'application/zip',
};

/** 1.5 MB, 300 KB, 12 B. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/** The part of XMLHttpRequest an upload uses (fetch has no upload progress); a test passes its own. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  readonly status: number;
  send(body: Blob): void;
}

const browserRequest = (): UploadRequest => new (globalThis as unknown as { XMLHttpRequest: new () => UploadRequest }).XMLHttpRequest();

/**
 * PUTs the file to its presigned URL with the headers the API named, reporting progress. Not
 * through the console's API client: the URL is object storage's, and it carries no session.
 */
export function putFile(upload: AttachmentUpload, file: Blob, onProgress: (percent: number) => void, xhr: UploadRequest = browserRequest()): Promise<void> {
  return new Promise((resolve, reject) => {
    xhr.open(upload.method, upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
