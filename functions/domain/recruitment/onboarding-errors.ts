/**
 * The onboarding checklist's error codes (入职清单, POLICIES.md §2 step 6) with their words
 * (zh-CN first) and HTTP statuses, kept apart from recruitment/errors.ts so the offer work and
 * this one never edit the same file; errors.ts, http/messages.ts and http/problem.ts merge them.
 */
export const ONBOARDING_MESSAGES = {
  'POLICY.TEXT_TOO_LONG': { 'zh-CN': '最多 {max} 个字', en: 'At most {max} characters' },
  'ONBOARDING.NOT_FOUND': { 'zh-CN': '入职清单不存在', en: 'Onboarding checklist not found' },
  'ONBOARDING.ITEM_NOT_FOUND': { 'zh-CN': '入职清单中没有事项「{key}」', en: 'The onboarding checklist has no item “{key}”' },
  'ONBOARDING.NOT_YOURS': {
    'zh-CN': '此事项由{owner}负责：只有负责人、人力资源部或其管理范围内的上级可以勾选',
    en: 'This item is for {owner}: only they, HR or a manager over the new hire may tick it',
  },
  'ONBOARDING.EXISTS': { 'zh-CN': '该员工的入职清单已经存在', en: 'The employee already has an onboarding checklist' },
  'ONBOARDING.MENTOR_UNKNOWN': { 'zh-CN': '导师须为在职员工', en: 'The mentor must be a current employee' },
  'ONBOARDING.MENTOR_SELF': { 'zh-CN': '新员工不能做自己的导师', en: 'The new hire cannot be their own mentor' },
  'ONBOARDING.MANAGERS_ONLY': { 'zh-CN': '只有人力资源部或新员工所在范围的上级可以指定导师', en: 'Only HR or a manager over the new hire may name the mentor' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type OnboardingErrorCode = keyof typeof ONBOARDING_MESSAGES;

export const ONBOARDING_STATUS: Record<OnboardingErrorCode, 400 | 403 | 404 | 409 | 422> = {
  'POLICY.TEXT_TOO_LONG': 422,
  'ONBOARDING.NOT_FOUND': 404,
  'ONBOARDING.ITEM_NOT_FOUND': 404,
  'ONBOARDING.NOT_YOURS': 403,
  'ONBOARDING.EXISTS': 409,
  'ONBOARDING.MENTOR_UNKNOWN': 422,
  'ONBOARDING.MENTOR_SELF': 422,
  'ONBOARDING.MANAGERS_ONLY': 403,
};
