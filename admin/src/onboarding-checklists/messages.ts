/**
 * 入职清单's words (POLICIES.md §2 step 6), zh-CN first: `resources.onboarding-checklists.*`,
 * merged into both catalogs in one line each, so the section and HR's list read (and are removed)
 * as one folder.
 */
export const onboardingChecklistsMessages = {
  'zh-CN': {
    name: '入职清单 |||| 入职清单',
    title: '入职清单',
    fields: {
      done: '完成',
      label: '事项',
      owner: '负责人',
      dueDate: '完成期限',
      doneBy: '完成人',
      employeeName: '新员工',
      reportDate: '报到日期',
      mentorEmployeeId: '导师',
      progress: '进度',
      overdueCount: '逾期事项',
      status: '状态',
    },
    empty: '没有符合条件的入职清单。',
    overdue_count: '逾期 %{smart_count} 项',
    none: '没有入职清单（员工通过录用报到后生成）。',
    summary: '报到日期 %{reportDate} · 已完成 %{done}/%{total}',
    status: {
      open: '进行中',
      done: '已完成',
    },
    overdue: '已逾期',
    mark: '将「%{label}」标记为完成',
    unmark: '将「%{label}」标记为未完成',
    not_yours: '仅负责人、人力资源部或其上级可勾选',
    saved: '已更新入职清单',
  },
  en: {
    // The menu and the list's title read the plural: "Onboarding".
    name: 'Onboarding checklist |||| Onboarding',
    title: 'Onboarding',
    fields: {
      done: 'Done',
      label: 'Item',
      owner: 'Owner',
      dueDate: 'Due',
      doneBy: 'Done by',
      employeeName: 'New hire',
      reportDate: 'Reported on',
      mentorEmployeeId: 'Mentor',
      progress: 'Progress',
      overdueCount: 'Overdue',
      status: 'Status',
    },
    empty: 'No onboarding checklists here.',
    overdue_count: '%{smart_count} overdue',
    none: 'No onboarding checklist (one opens when a hire reports on their offer).',
    summary: 'Reported on %{reportDate} · %{done} of %{total} done',
    status: {
      open: 'In progress',
      done: 'Done',
    },
    overdue: 'Overdue',
    mark: 'Mark “%{label}” done',
    unmark: 'Mark “%{label}” not done',
    not_yours: 'Only the owner, HR or a manager over the new hire may tick this',
    saved: 'Onboarding checklist updated',
  },
} as const;
