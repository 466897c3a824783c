/**
 * 招聘职位's words (POLICIES.md §2 step 3), zh-CN first: `resources.openings.*`, merged into both
 * catalogs in one line each, so the area reads (and is removed) as one folder.
 */
export const openingsMessages = {
  'zh-CN': {
    name: '招聘职位 |||| 招聘职位',
    title: '招聘职位',
    fields: {
      status: '状态',
      headcount: '招聘人数',
      filled: '已入职',
      held: '录用占用',
      free: '空缺',
      statusReason: '原因',
    },
    choices: {
      status: { open: '招聘中', paused: '已暂停', filled: '已招满', cancelled: '已取消' },
    },
    verbs: {
      pause: { action: '暂停招聘', title: '暂停招聘？', content: '暂停后不能再添加候选人，可随时恢复。申请人会收到通知。', done: '已暂停招聘' },
      reopen: { action: '恢复招聘', title: '恢复招聘？', content: '恢复后可继续添加候选人。申请人会收到通知。', done: '已恢复招聘' },
      cancel: { action: '取消招聘', title: '取消招聘？', content: '取消后此职位不再招聘，人才增补单随之取消，且不能恢复。申请人会收到通知。', done: '已取消招聘' },
    },
    reason: '原因',
    reason_hint: '必填，申请人会在通知中看到',
    job_text: {
      action: '复制招聘启事',
      title: '招聘启事',
      copied: '招聘启事已复制，可粘贴到招聘网站',
      copy_failed: '浏览器未允许复制，请在下方选中文字后手动复制',
      label: '招聘启事全文',
      copy_again: '再次复制',
    },
    not_loaded: '无法读取招聘职位。',
  },
  en: {
    name: 'Opening |||| Openings',
    title: 'Opening',
    fields: {
      status: 'Status',
      headcount: 'Headcount',
      filled: 'Filled',
      held: 'Held by offers',
      free: 'Free',
      statusReason: 'Reason',
    },
    choices: {
      status: { open: 'Open', paused: 'Paused', filled: 'Filled', cancelled: 'Cancelled' },
    },
    verbs: {
      pause: { action: 'Pause', title: 'Pause this opening?', content: 'No candidates can be added while it is paused; you can reopen it at any time. The requester is told.', done: 'Opening paused' },
      reopen: { action: 'Reopen', title: 'Reopen this opening?', content: 'Candidates can be added again. The requester is told.', done: 'Opening reopened' },
      cancel: { action: 'Cancel opening', title: 'Cancel this opening?', content: 'The opening stops recruiting and its requisition is cancelled; this cannot be undone. The requester is told.', done: 'Opening cancelled' },
    },
    reason: 'Reason',
    reason_hint: 'Required; the requester reads it in their notice',
    job_text: {
      action: 'Copy job text',
      title: 'Job advertisement',
      copied: 'Job text copied: paste it on a job board',
      copy_failed: 'The browser did not allow copying: select the text below and copy it yourself',
      label: 'The job advertisement',
      copy_again: 'Copy again',
    },
    not_loaded: 'The opening could not be read.',
  },
} as const;
