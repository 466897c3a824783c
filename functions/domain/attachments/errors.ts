/**
 * The attachments area's error codes with their words (zh-CN first), kept together so the
 * area reads (and is removed) as one folder; errors.ts and http/messages.ts merge them.
 * Statuses are the HTTP edge's (problem.ts).
 */
export const ATTACHMENT_MESSAGES = {
  // Policy attachments.allowedTypes.
  'ATTACHMENT.TYPE_NOT_ALLOWED': { 'zh-CN': '不支持此文件类型，可上传：{allowed}', en: 'This kind of file is not accepted; allowed: {allowed}' },
  // Policy attachments.maxBytes.
  'ATTACHMENT.TOO_LARGE': { 'zh-CN': '文件过大，每个附件最大 {max}', en: 'The file is too large; each attachment may be at most {max}' },
  'ATTACHMENT.EMPTY': { 'zh-CN': '文件为空', en: 'The file is empty' },
  // Policy attachments.perItem.
  'ATTACHMENT.TOO_MANY': { 'zh-CN': '每次最多添加 {max} 个附件', en: 'At most {max} attachments at a time' },
  'ATTACHMENT.INVALID': { 'zh-CN': '附件 {id} 不存在、不是您上传的，或已用于其他审批或评论', en: 'Attachment {id} does not exist, was not uploaded by you, or is already attached elsewhere' },
  'ATTACHMENT.NOT_UPLOADED': { 'zh-CN': '附件“{fileName}”尚未上传完成，或上传的文件与声明的类型、大小不符，请重新上传', en: 'The attachment "{fileName}" has not finished uploading, or the file differs from its declared type or size; upload it again' },
  'ATTACHMENT.NOT_FOUND': { 'zh-CN': '附件不存在或您无权查看', en: 'Attachment not found' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type AttachmentErrorCode = keyof typeof ATTACHMENT_MESSAGES;
