import { useLocaleState } from 'react-admin';
import { useConsoleQuery } from '../providers/useConsoleQuery';

interface RecruitmentValues {
  candidateSources?: Array<{ key: string; labelZh: string; labelEn: string }>;
  interviewRounds?: Array<{ labelZh: string; labelEn: string }>;
}

/**
 * From the recruitment policy (招聘制度), in the UI language: the sources a candidate may come
 * from (BOSS直聘, 智联, 前程无忧, 内推, …) and the interview rounds (初试, 复试), as choices.
 */
export function useRecruitmentChoices(): {
  sources: Array<{ id: string; name: string }>;
  /** As the policy has them, both languages (an imported file's source cell may use either). */
  sourceOptions: Array<{ key: string; labelZh: string; labelEn: string }>;
  rounds: Array<{ round: number; label: string }>;
  isPending: boolean;
} {
  const [locale] = useLocaleState();
  const query = useConsoleQuery('policy:recruitment', (dp) => dp.getPolicy('recruitment'));
  const values = (query.data?.values ?? {}) as RecruitmentValues;
  const label = (x: { labelZh: string; labelEn: string }) => (locale === 'en' ? x.labelEn : x.labelZh);
  return {
    sources: (values.candidateSources ?? []).map((s) => ({ id: s.key, name: label(s) })),
    sourceOptions: values.candidateSources ?? [],
    rounds: (values.interviewRounds ?? []).map((r, i) => ({ round: i + 1, label: label(r) })),
    isPending: query.isPending,
  };
}
