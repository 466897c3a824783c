/**
 * 离职制度's words (POLICIES.md §9; 001 六), zh-CN first: `resources.offboarding-policy.*`,
 * merged into both catalogs in one line each, so the page reads (and is removed) as one folder.
 */
export const offboardingPolicyMessages = {
  'zh-CN': {
    name: '离职制度',
    fields: {
      notice: {
        months: '辞职提前通知（月）',
        probationDays: '试用期员工提前通知（天）',
      },
      finalPay: {
        dayOfMonth: '工资结算日（每月几日）',
        monthsAfter: '交接完成后第几个月结算',
      },
      stepDueHours: '每步处理时限（小时）',
      reminderDaysBefore: '最后工作日前提醒（天）',
      chain: {
        key: '步骤标识',
        labelZh: '名称（中文）',
        labelEn: '名称（英文）',
        approverKind: '审批人',
        post: '岗位',
        fallback: '无此岗位时由直属上级审批',
        role: '角色',
        mode: '审批方式',
      },
      inventoryItems: {
        key: '物品标识',
        labelZh: '名称（中文）',
        labelEn: '名称（英文）',
        amount: '未归还赔偿（元）',
      },
      exitReasons: {
        key: '原因标识',
        labelZh: '名称（中文）',
        labelEn: '名称（英文）',
      },
    },
    hints: {
      notice: {
        months: '员工辞职须提前此月数递交书面申请（制度：1 个月；0–6）。',
        probationDays: '试用期员工提前此天数递交（制度：3 天；0–30）。',
      },
      finalPay: {
        dayOfMonth: '所有移交手续完成后，在此日结算工资（制度：15 日；1–31，当月没有这一天时为月末）。',
        monthsAfter: '0 为交接完成当月，1 为次月（制度：次月；0–3）。',
      },
      stepDueHours: '审批人须在此时长内处理，超过即为逾期（1–720）。',
      reminderDaysBefore: '最后工作日前此天数起，提醒尚未签收的交接和盘点事项的负责人（0–30）。',
    },
    sections: {
      notice: '辞职通知期与工资结算',
      timing: '审批时限与交接提醒',
      chain: '辞职申请审批流程',
      inventory: '离职盘点物品',
      reasons: '离职原因',
    },
    tasks_note: '离职人员未处理的审批任务按「审批规则」中“审批人离职”的设置转交',
    notice_hint: '员工申请辞职，应提前递交书面辞职申请；相关手续全部结清后结算工资。',
    chain_hint: '辞职申请按此顺序审批，审批人从申请人的汇报线向上查找。',
    inventory_hint: '员工提出辞职后，所在部门按此清单盘点，确认离职人员责任；金额为物品未归还时向离职人员收取的赔偿（整数元），人力资源部可按实际情况另行记录。',
    reasons_hint: '《员工离职表》中可选的离职原因，按此顺序列出。',
    choices: {
      approver: {
        superior: '申请人的直属上级',
        post_in_line: '申请人汇报线上最近的某岗位',
        role: '按角色',
      },
    },
    mode_hint: '或签：一人同意即可；会签：须全部同意',
  },
  en: {
    name: 'Offboarding policy',
    fields: {
      notice: {
        months: 'Notice for a resignation (months)',
        probationDays: 'Notice in probation (days)',
      },
      finalPay: {
        dayOfMonth: 'Final pay day (day of the month)',
        monthsAfter: 'Months after the handover',
      },
      stepDueHours: 'Time for each step (hours)',
      reminderDaysBefore: 'Reminder before the last day (days)',
      chain: {
        key: 'Step key',
        labelZh: 'Name (Chinese)',
        labelEn: 'Name (English)',
        approverKind: 'Approver',
        post: 'Post',
        fallback: 'Direct superior when nobody holds the post',
        role: 'Role',
        mode: 'How they decide',
      },
      inventoryItems: {
        key: 'Item key',
        labelZh: 'Name (Chinese)',
        labelEn: 'Name (English)',
        amount: 'Charged if not returned (CNY)',
      },
      exitReasons: {
        key: 'Reason key',
        labelZh: 'Name (Chinese)',
        labelEn: 'Name (English)',
      },
    },
    hints: {
      notice: {
        months: 'A resignation is handed in writing this many months ahead (the policy: 1 month; 0–6).',
        probationDays: 'In probation, this many days ahead (the policy: 3 days; 0–30).',
      },
      finalPay: {
        dayOfMonth: 'Once the whole handover is complete, final pay is settled on this day (the policy: the 15th; 1–31, the month’s last day when it is shorter).',
        monthsAfter: '0 is the month the handover is complete, 1 the next (the policy: the next; 0–3).',
      },
      stepDueHours: 'An approver has this long before the step is overdue (1–720).',
      reminderDaysBefore: 'From this many days before the last day, owners of handover and inventory items not yet signed for are reminded (0–30).',
    },
    sections: {
      notice: 'Notice and final pay',
      timing: 'Approval time and handover reminders',
      chain: 'Resignation approval chain',
      inventory: 'Inventory on leaving',
      reasons: 'Reasons for leaving',
    },
    tasks_note: 'A leaver’s open approval tasks move as the approval rules’ “approver left” setting says',
    notice_hint: 'A resignation is handed in writing ahead of the last day; final pay is settled once every handover step is done.',
    chain_hint: 'A resignation is approved in this order; approvers are found up the requester’s reporting line.',
    inventory_hint: 'When someone resigns, their department checks these items back to settle what the leaver answers for; the amount (whole yuan) is charged for an item not returned, and HR may record another.',
    reasons_hint: 'The reasons the exit form offers, in this order.',
    choices: {
      approver: {
        superior: 'The requester’s direct superior',
        post_in_line: 'The nearest holder of a post above the requester',
        role: 'By role',
      },
    },
    mode_hint: 'Any one: the first approval decides; everyone: all must approve',
  },
} as const;
