/**
 * 面试安排's words (#14), zh-CN first: `resources.interviews.*`, merged into both catalogs in one
 * line each, so the area reads (and is removed) as one folder. Round, post and status labels are
 * the API's own (GET /interviews answers them in the reader's language).
 */
export const interviewsMessages = {
  'zh-CN': {
    name: '面试安排 |||| 面试安排',
    title: '面试安排',
    scope: { label: '看谁的面试', mine: '我的面试', all: '全部' },
    range: { label: '时间范围', next14: '未来 14 天', week: '本周' },
    empty: '这段时间没有面试。',
    empty_mine: '这段时间没有需要你参加的面试。',
    day_label: '%{day}的面试',
    card: {
      post: '%{post}（%{team}）',
      place: '地点',
      online: '线上面试链接',
      interviewers: '面试官',
      answered: '已评分',
      not_answered: '未评分',
      score: '%{score} 分 · %{recommendation}',
    },
    score: {
      action: '评分',
      title: '评分：%{name}（%{round}）',
      submit: '提交评分',
      done: '评分已提交',
      loading: '正在读取评分项…',
      comment: '审批意见（可选）',
    },
  },
  en: {
    name: 'Interview schedule |||| Interview schedule',
    title: 'Interview schedule',
    scope: { label: 'Whose interviews', mine: 'My interviews', all: 'All' },
    range: { label: 'Period', next14: 'Next 14 days', week: 'This week' },
    empty: 'No interviews in this period.',
    empty_mine: 'No interviews for you in this period.',
    day_label: 'Interviews on %{day}',
    card: {
      post: '%{post} (%{team})',
      place: 'Place',
      online: 'Online meeting link',
      interviewers: 'Interviewers',
      answered: 'Scored',
      not_answered: 'Not scored',
      score: '%{score} · %{recommendation}',
    },
    score: {
      action: 'Score',
      title: 'Score: %{name} (%{round})',
      submit: 'Submit score',
      done: 'Score submitted',
      loading: 'Loading the score form…',
      comment: 'Comment (optional)',
    },
  },
} as const;
