import { DISCIPLINE_LEVELS, type DisciplineLevel, type Violation } from '../discipline-policy/disciplinePolicyForm.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Lang = 'zh-CN' | 'en';

const key = (path: string) => `resources.discipline-record.${path}`;

/** One choice of the 违纪条款 picker. */
export interface ViolationOption {
  /** The violation's code, what the API takes. */
  id: string;
  /** What the picker shows and searches: V02 迟到或早退 · 口头警告 · 乐捐 10 元. */
  name: string;
  level: DisciplineLevel;
  /** The heading it is listed under (the level's words). */
  group: string;
  fine: number;
}

/** 口头警告 / Verbal warning. */
export const levelWords = (level: string, translate: Translate) => translate(key(`levels.${level}`), { _: level });

/**
 * The catalogue (the discipline policy's `violations`) as the picker lists it: lightest level
 * first, each level in the catalogue's order, labelled with its code, words, level and — when the
 * policy has fines on — its 乐捐 (a dismissal has none).
 */
export function violationOptions(violations: readonly Violation[], lang: Lang, fines: boolean, translate: Translate): ViolationOption[] {
  const rank = (level: string) => {
    const at = DISCIPLINE_LEVELS.indexOf(level as DisciplineLevel);
    return at === -1 ? DISCIPLINE_LEVELS.length : at;
  };
  return violations
    .map((v, order) => ({ v, order }))
    .sort((a, b) => rank(a.v.level) - rank(b.v.level) || a.order - b.order)
    .map(({ v }) => {
      const level = levelWords(v.level, translate);
      const words = v.label[lang] || v.label['zh-CN'];
      const withFine = fines && v.fine > 0 && v.level !== 'dismissal';
      return {
        id: v.code,
        name: translate(key(withFine ? 'record.option_fine' : 'record.option'), { code: v.code, label: words, level, fine: v.fine }),
        level: v.level,
        group: level,
        fine: v.fine,
      };
    });
}
