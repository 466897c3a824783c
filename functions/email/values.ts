/**
 * Values as a person reads them, in their language: money as ¥2,200, a date as 2026年12月1日
 * / 1 Dec 2026, enums by their names (the console uses the same names, admin/src/i18n). A
 * stored code never reaches a sentence; an unknown value is shown as given rather than
 * failing the message.
 */
import type { EmployeeStatus, Level, Post } from '../domain/people/model.js';
import type { Lang } from './render.js';

const NAMES = {
  level: {
    'zh-CN': { trainee: '新客服(试用)', junior: '初级', mid: '中级', senior: '高级', reserve_supervisor: '储备主管' },
    en: { trainee: 'Trainee (probation)', junior: 'Junior', mid: 'Intermediate', senior: 'Senior', reserve_supervisor: 'Reserve supervisor' },
  },
  status: {
    'zh-CN': { probation: '试用期', regular: '正式', suspended: '停职', terminated: '离职' },
    en: { probation: 'On probation', regular: 'Regular', suspended: 'Suspended', terminated: 'Left' },
  },
  post: {
    'zh-CN': { agent: '专员', team_lead: '组长', supervisor: '主管', cs_manager: '客服经理', gm: '总经理', hr: '人力资源' },
    en: { agent: 'Agent', team_lead: 'Team lead', supervisor: 'Supervisor', cs_manager: 'CS manager', gm: 'General manager', hr: 'HR' },
  },
} satisfies { level: Record<Lang, Record<Level, string>>; status: Record<Lang, Record<EmployeeStatus, string>>; post: Record<Lang, Record<Post, string>> };

export type Enum = keyof typeof NAMES;

/** An enum value by its name: `level` `junior` → 初级 / Junior. */
export function enumName(kind: Enum, value: string, lang: Lang): string {
  return (NAMES[kind][lang] as Record<string, string>)[value] ?? value;
}

/** Yuan: ¥2,200 (¥2,200.50 when there are fen). */
export function formatMoney(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) return String(amount);
  const whole = Number.isInteger(amount);
  return `¥${new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(amount)}`;
}

/** A calendar date (YYYY-MM-DD, no time zone): 2026年12月1日 / 1 Dec 2026. */
export function formatDate(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  if (lang === 'zh-CN') return `${y}年${mo}月${d}日`;
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1]} ${y}`;
}
