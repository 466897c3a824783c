/**
 * The discipline chart's words (#16), zh-CN first: `app.dashboard.charts.discipline.*`, merged
 * into both catalogs in one line each.
 */
export const disciplineMessages = {
  'zh-CN': {
    title: '违纪处罚：按团队与级别（近 12 个月）',
    hint: '按违纪发生月份统计；已撤销的不计；辞退未获批准的按最后警告计',
    empty: '暂无违纪处罚',
    no_team: '未分配团队',
    levels: { verbal: '口头警告', written: '书面警告', final: '最后警告', dismissal: '辞退' },
  },
  en: {
    title: 'Disciplinary actions by team and level (last 12 months)',
    hint: 'By the month the violation happened; voided ones are not counted; a dismissal not approved counts as a final warning',
    empty: 'No disciplinary actions yet',
    no_team: 'No team',
    levels: { verbal: 'Verbal warning', written: 'Written warning', final: 'Final warning', dismissal: 'Dismissal' },
  },
} as const;
