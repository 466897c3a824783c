/**
 * 招聘制度's words (POLICIES.md §2), zh-CN first: `resources.recruitment-policy.*`, merged into
 * both catalogs in one line each, so the page reads (and is removed) as one folder.
 */
export const recruitmentPolicyMessages = {
  'zh-CN': {
    name: '招聘制度',
    fields: {
      maxHeadcount: '每单最多增补人数',
      stepDueHours: '每步处理时限（小时）',
      salaryRangePercent: '薪资上浮范围（%）',
      reportWithinDays: '录用后报到期限（天）',
      candidateRetentionDays: '未录用候选人资料保留（天）',
      chain: {
        key: '步骤标识',
        labelZh: '名称（中文）',
        labelEn: '名称（英文）',
        approverKind: '审批人',
        post: '岗位',
        fallback: '无此岗位时由直属上级审批',
        role: '角色',
        mode: '审批方式',
        minHeadcount: '增补人数达到（人）才需此步',
      },
      candidateSources: {
        key: '渠道标识',
        labelZh: '名称（中文）',
        labelEn: '名称（英文）',
      },
    },
    hints: {
      maxHeadcount: '一份人才增补单最多可申请的人数（1–500）。',
      stepDueHours: '审批人须在此时长内处理，超时将催办并升级（1–720）。',
      salaryRangePercent: '职级基本工资（职级与薪资）至上浮此比例，为招聘薪资范围（0–200）。',
      reportWithinDays: '录用通知发出后须在此天数内报到，否则录用失效（1–90）。',
      candidateRetentionDays: '未录用候选人的个人资料在此天数后删除（30–1095）。',
      minHeadcount: '留空：任何人数都需此步。',
    },
    sections: {
      general: '人数、薪资与期限',
      chain: '人才增补单审批流程',
      sources: '候选人来源渠道',
    },
    chain_hint: '按顺序审批。可为某一步设置人数条件，例如增补人数达到一定数量才需总经理审批；至少一步不设条件。',
    sources_hint: '登记候选人时可选的来源，按此顺序列出。',
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
    name: 'Recruitment policy',
    fields: {
      maxHeadcount: 'Most people on one requisition',
      stepDueHours: 'Time for each step (hours)',
      salaryRangePercent: 'Salary range above the base (%)',
      reportWithinDays: 'Days to report after an offer',
      candidateRetentionDays: 'Days to keep candidates not hired',
      chain: {
        key: 'Step key',
        labelZh: 'Name (Chinese)',
        labelEn: 'Name (English)',
        approverKind: 'Approver',
        post: 'Post',
        fallback: 'Direct superior when nobody holds the post',
        role: 'Role',
        mode: 'How they decide',
        minHeadcount: 'Asked only from this headcount on',
      },
      candidateSources: {
        key: 'Source key',
        labelZh: 'Name (Chinese)',
        labelEn: 'Name (English)',
      },
    },
    hints: {
      maxHeadcount: 'The most people one requisition may ask for (1–500).',
      stepDueHours: 'An approver has this long before the step is reminded and escalated (1–720).',
      salaryRangePercent: 'The range offered runs from the level’s base salary (Levels and pay) up to this much above it (0–200).',
      reportWithinDays: 'A hire must report within this many days of the offer, or it lapses (1–90).',
      candidateRetentionDays: 'Personal data of candidates not hired is erased after this many days (30–1095).',
      minHeadcount: 'Empty: asked whatever the headcount.',
    },
    sections: {
      general: 'Headcount, pay and deadlines',
      chain: 'Requisition approval chain',
      sources: 'Where candidates come from',
    },
    chain_hint: 'Steps are asked in order. A step may be asked only from a headcount on (the GM above a number of people, say); at least one step must have no such condition.',
    sources_hint: 'The sources offered when a candidate is registered, in this order.',
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
