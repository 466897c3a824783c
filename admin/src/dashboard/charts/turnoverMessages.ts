/**
 * The turnover chart's words (#15), zh-CN first: `app.dashboard.charts.turnover.*`, merged into
 * both catalogs in one line each. The reasons are the offboarding record's own
 * (`resources.offboardings.choices.reason.*`): the same word on the chart as on the record.
 */
export const turnoverMessages = {
  'zh-CN': {
    title: '离职人数与离职率：按月份与原因',
    hint: '按最后工作日所在月份统计；离职率 = 当月离职人数 ÷（当前在职人数 + 当月离职人数）',
    empty: '暂无离职人员',
  },
  en: {
    title: 'Leavers and turnover rate by month and reason',
    hint: 'By the month of the last day; rate = the month’s leavers ÷ (headcount now + the month’s leavers)',
    empty: 'No one has left yet',
  },
} as const;
