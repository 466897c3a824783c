import type { DisciplineLevel } from '../discipline-policy/disciplinePolicyForm.js';
import type { DisciplinePreview } from './types.js';
import { levelWords, type Lang } from './violationOptions.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
const key = (path: string) => `resources.discipline-record.preview.${path}`;

/** A step of the discipline policy's dismissal chain (`values.dismissalChain`), as far as its name goes. */
export interface ChainStepWords {
  labelZh: string;
  labelEn: string;
}

/** What the dialog says about a preview before anything is saved. */
export interface PreviewWords {
  /**
   * `as_catalogued`: the catalogue's level; `escalated`: the ladder made it heavier (3 verbal =
   * 1 written …); `dismissal`: a dismissal proposal, which needs its approval chain.
   */
  tone: 'as_catalogued' | 'escalated' | 'dismissal';
  /** 将按 书面警告 处理：受3次口头警告等同一次书面警告…（合并计算：…） */
  summary: string;
  /** 合并计算 2 条此前的警告 (none when nothing is counted). */
  counted: string | null;
  /** Said when the level is not the catalogue's: 与违纪条款的级别（口头警告）不同… */
  differs: string | null;
  /** 乐捐 50 元 (none when there is no fine). */
  fine: string | null;
  /** A dismissal proposal's approvals: 主管审批 → 客服经理审批 → 人力资源部审核 → 总经理审批. */
  dismissal: string | null;
}

/**
 * The computed level and why, in the reader's words: the API's level and rule (already in the
 * reader's language), how many earlier warnings it counts, whether it differs from the level the
 * catalogue gives the violation, and for a dismissal the chain that must approve it (the policy's).
 */
export function previewWords(
  preview: DisciplinePreview,
  catalogueLevel: DisciplineLevel | undefined,
  chain: readonly ChainStepWords[],
  lang: Lang,
  translate: Translate,
): PreviewWords {
  const dismissal = preview.level === 'dismissal';
  const escalated = catalogueLevel !== undefined && preview.level !== catalogueLevel;
  const steps = chain.map((s) => (lang === 'en' ? s.labelEn : s.labelZh) || s.labelZh).filter(Boolean);
  return {
    tone: dismissal ? 'dismissal' : escalated ? 'escalated' : 'as_catalogued',
    summary: translate(key(dismissal ? 'summary_dismissal' : 'summary'), { level: preview.levelLabel, rule: preview.rule.text }),
    counted: preview.counted.length > 0 ? translate(key('counted'), { smart_count: preview.counted.length }) : null,
    differs: escalated ? translate(key('differs'), { level: levelWords(catalogueLevel, translate) }) : null,
    fine: preview.fine > 0 ? translate(key('fine'), { fine: preview.fine }) : null,
    dismissal: dismissal ? translate(key(steps.length ? 'dismissal_chain' : 'dismissal_no_chain'), { chain: steps.join(' → ') }) : null,
  };
}
