import { describe, expect, it } from 'vitest';
import { contentTypeOf, newItem, putFile, readyIds, sizeText, stillUploading, update, type AttachmentUpload, type UploadRequest } from '../../../admin/src/attachments/uploads.js';

describe('添加附件 on the decision panel (#12 attachments)', () => {
  it('sends only the finished uploads, and holds the decision while one is on its way', () => {
    const a = newItem({ name: '成绩单.pdf', size: 1000 });
    const b = newItem({ name: '面试.png', size: 2000 });
    let items = [a, b];
    expect(stillUploading(items)).toBe(true);
    items = update(items, a.key, { status: 'done', id: 'att-a', percent: 100 });
    items = update(items, b.key, { status: 'failed', error: '上传失败' });
    expect(stillUploading(items)).toBe(false);
    expect(readyIds(items)).toEqual(['att-a']);
  });

  it('names a file’s type from its extension when the browser gives none', () => {
    expect(contentTypeOf({ name: 'a.DOCX', type: '' })).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(contentTypeOf({ name: 'a.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'noext', type: '' })).toBe('application/octet-stream');
    expect(sizeText(1536 * 1024)).toBe('1.5 MB');
  });

  it('PUTs the file to its presigned URL with the headers the API named, reporting progress', async () => {
    const calls: unknown[] = [];
    const fake = {
      status: 0, upload: {} as { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void },
      onload: null as null | (() => void), onerror: null as null | (() => void),
      open: (m: string, u: string) => calls.push(['open', m, u]),
      setRequestHeader: (n: string, v: string) => calls.push(['header', n, v]),
      send(body: unknown) {
        calls.push(['send', body]);
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
        this.status = 200;
        this.onload?.();
      },
    };
    const upload: AttachmentUpload = { id: 'x', uploadUrl: 'http://s3.local/b/uploads/x?sig', method: 'PUT', headers: { 'Content-Type': 'application/pdf' }, expiresAt: '', fileName: 'a.pdf', contentType: 'application/pdf', size: 10 };
    const seen: number[] = [];
    await putFile(upload, 'bytes' as unknown as Blob, (p) => seen.push(p), fake as unknown as UploadRequest);
    expect(calls).toEqual([['open', 'PUT', 'http://s3.local/b/uploads/x?sig'], ['header', 'Content-Type', 'application/pdf'], ['send', 'bytes']]);
    expect(seen).toEqual([50]);
  });
});
