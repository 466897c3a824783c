/**
 * 奖惩制度's words (POLICIES.md §4; 004 客户服务部奖惩管理制度), zh-CN first:
 * `resources.discipline-policy.*`, merged into both catalogs in one line each, so the page reads
 * (and is removed) as one folder.
 */
export const disciplinePolicyMessages = {
  'zh-CN': {
    name: '奖惩制度',
    fields: {
      ladder: {
        verbalToWritten: '几次口头警告等同一次书面警告',
        writtenToFinal: '几次书面警告等同一次最后警告',
      },
      windows: {
        countingMonths: '计算期（月）',
        signDays: '签收期限（天）',
        appealDays: '申诉期限（天）',
        appealAnswerDays: '申诉答复期限（天）',
      },
      options: {
        fines: '乐捐（罚款）',
        witnesses: '拒签所需见证人数',
      },
      stepDueHours: '每步处理时限（小时）',
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
      violations: {
        code: '编码',
        level: '级别',
        fine: '乐捐（元）',
        labelZh: '说明（中文）',
        labelEn: '说明（英文）',
      },
    },
    hints: {
      ladder: {
        verbalToWritten: '累计此数目的口头警告，即按一次书面警告处理（制度：3 次；2–10）。',
        writtenToFinal: '累计此数目的书面警告，即按一次最后警告处理（制度：3 次；2–10）。',
      },
      windows: {
        countingMonths: '警告在发生后此月数内计入升级（1–60）。',
        signDays: '员工须在此天数内签收处罚单，拒签由见证人签字；逾期失效（1–60）。',
        appealDays: '处罚通知送达后，员工可在此天数内书面申诉（制度：三日内；1–30）。',
        appealAnswerDays: '处罚人的上级须在此天数内答复申诉（制度：一周内；1–60）。',
      },
      options: {
        fines: '开启后，处罚单按违纪条款附带乐捐金额。',
        witnesses: '员工拒签时，须有此人数的见证人签字，处罚单方生效（制度：两个以上；1–5）。',
      },
      stepDueHours: '辞退审批的每一步须在此时长内处理，超过即为逾期（1–720）。',
    },
    sections: {
      ladder: '警告升级',
      windows: '期限',
      options: '选项',
      chain: '辞退审批链',
      timing: '辞退审批时限',
      violations: '违纪条款',
    },
    ladder_hint: '口头警告累计到此次数即按一次书面警告处理，书面警告累计到此次数即按一次最后警告处理；最后警告之后再有违纪，即提出辞退。',
    fines_warning: '按劳动法规，从工资中扣除罚款受当地法规限制，请咨询法务后启用',
    chain_hint: '辞退由主管提出，按此顺序审批，审批人从员工的汇报线向上查找；批准后办理离职。',
    violations_hint: '每条违纪行为的级别和乐捐金额（整数元）。编码是处罚记录引用的标识，已使用的编码不要改作他用。',
    violations_total: '共 %{total} 条',
    violations_level: '%{level} %{count} 条',
    choices: {
      approver: {
        superior: '员工的直属上级',
        post_in_line: '员工汇报线上最近的某岗位',
        role: '按角色',
      },
      level: {
        verbal: '口头警告',
        written: '书面警告',
        final: '最后警告',
        dismissal: '辞退',
      },
    },
    mode_hint: '或签：一人同意即可；会签：须全部同意',
  },
  en: {
    name: 'Discipline policy',
    fields: {
      ladder: {
        verbalToWritten: 'Verbal warnings that make one written warning',
        writtenToFinal: 'Written warnings that make one final warning',
      },
      windows: {
        countingMonths: 'Counting period (months)',
        signDays: 'Time to sign (days)',
        appealDays: 'Time to appeal (days)',
        appealAnswerDays: 'Time to answer an appeal (days)',
      },
      options: {
        fines: 'Fines (乐捐)',
        witnesses: 'Witnesses for a refusal to sign',
      },
      stepDueHours: 'Time for each step (hours)',
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
      violations: {
        code: 'Code',
        level: 'Level',
        fine: 'Fine (CNY)',
        labelZh: 'Description (Chinese)',
        labelEn: 'Description (English)',
      },
    },
    hints: {
      ladder: {
        verbalToWritten: 'This many verbal warnings count as one written warning (the policy: 3; 2–10).',
        writtenToFinal: 'This many written warnings count as one final warning (the policy: 3; 2–10).',
      },
      windows: {
        countingMonths: 'A warning counts towards the next level for this many months after it happened (1–60).',
        signDays: 'The employee signs the penalty notice within this many days, or witnesses sign for a refusal; then it lapses (1–60).',
        appealDays: 'The employee may appeal in writing within this many days of the notice (the policy: three days; 1–30).',
        appealAnswerDays: 'The issuer’s superior answers an appeal within this many days (the policy: a week; 1–60).',
      },
      options: {
        fines: 'When on, a penalty notice carries the fine its violation lists.',
        witnesses: 'When the employee refuses to sign, this many witnesses sign for the notice to take effect (the policy: two or more; 1–5).',
      },
      stepDueHours: 'Each approver of a dismissal has this long before the step is overdue (1–720).',
    },
    sections: {
      ladder: 'Escalation',
      windows: 'Time limits',
      options: 'Options',
      chain: 'Dismissal approval chain',
      timing: 'Dismissal approval time',
      violations: 'Violations',
    },
    ladder_hint: 'Verbal warnings up to this number count as one written warning, written ones as one final warning; any violation after a final warning leads to a dismissal proposal.',
    fines_warning: 'Under labour law, deducting fines from wages is restricted by local regulations: consult the legal department before turning this on',
    chain_hint: 'A supervisor proposes a dismissal; it is approved in this order, approvers found up the employee’s reporting line; once approved, the employee is offboarded.',
    violations_hint: 'Each violation’s level and fine (whole yuan). A code is what penalty records refer to: never reuse a code for another violation.',
    violations_total: '%{total} in all',
    violations_level: '%{level}: %{count}',
    choices: {
      approver: {
        superior: 'The employee’s direct superior',
        post_in_line: 'The nearest holder of a post above the employee',
        role: 'By role',
      },
      level: {
        verbal: 'Verbal warning',
        written: 'Written warning',
        final: 'Final warning',
        dismissal: 'Dismissal',
      },
    },
    mode_hint: 'Any one: the first approval decides; everyone: all must approve',
  },
} as const;
