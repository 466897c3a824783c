/**
 * The attachments' words (issue #12), zh-CN first: `resources.attachments.*`, merged into both
 * catalogs in one line each, so the area reads (and is removed) as one folder.
 */
export const attachmentsMessages = {
  'zh-CN': {
    name: '附件',
    add: '添加附件',
    remove: '移除 %{name}',
    uploading: '上传中 %{percent}%',
    failed: '上传失败：%{message}',
    wait: '请等待附件上传完成后再提交',
    download_failed: '无法下载附件：%{message}',
    policy: {
      section: '附件',
      maxMegabytes: '单个附件最大（MB）',
      allowedTypes: '允许上传的文件类型',
      perItem: '每次审批或评论最多附件数',
      hints: {
        maxMegabytes: '超过此大小的文件不能上传（0.001–1024 MB）。',
        allowedTypes: '其他类型的文件不能上传。',
        perItem: '1–20 个。',
      },
    },
  },
  en: {
    name: 'Attachments',
    add: 'Add attachment',
    remove: 'Remove %{name}',
    uploading: 'Uploading %{percent}%',
    failed: 'Upload failed: %{message}',
    wait: 'Wait for the attachments to finish uploading',
    download_failed: 'Could not download the attachment: %{message}',
    policy: {
      section: 'Attachments',
      maxMegabytes: 'Largest file (MB)',
      allowedTypes: 'Kinds of file accepted',
      perItem: 'Most files on one decision or comment',
      hints: {
        maxMegabytes: 'Larger files cannot be uploaded (0.001–1024 MB).',
        allowedTypes: 'Other kinds of file cannot be uploaded.',
        perItem: '1–20.',
      },
    },
  },
} as const;

/** The kinds of file the policy may allow (functions/domain/attachments/types.ts), as HR reads them. */
export const ATTACHMENT_TYPE_CHOICES = [
  { id: 'pdf', name: 'PDF' },
  { id: 'jpeg', name: 'JPEG' },
  { id: 'png', name: 'PNG' },
  { id: 'webp', name: 'WebP' },
  { id: 'xlsx', name: 'Excel (xlsx)' },
  { id: 'xls', name: 'Excel (xls)' },
  { id: 'docx', name: 'Word (docx)' },
  { id: 'doc', name: 'Word (doc)' },
  { id: 'csv', name: 'CSV' },
  { id: 'txt', name: 'TXT' },
  { id: 'zip', name: 'ZIP' },
] as const;
