/**
 * A candidate's hiring process as their page shows it (GET /candidates/{id} `hiring`, #14,
 * POLICIES.md §2 step 4): each round of the policy snapshot with its schedule (time, place,
 * interviewers), each interviewer's answer and the average, and where the request stands. Read
 * with the candidate, so it is for exactly those who may see the candidate (candidate-access.ts).
 */
import { z } from '@hono/zod-openapi';
import { HIRING_STATUSES, RECOMMENDATIONS, hiringChain, hiringStatusLabel, roundResult, type HiringRequest, type Recommendation } from '../../workflow/kinds/hiring.js';

type Lang = 'zh-CN' | 'en';

const RECOMMENDATION_LABELS: Record<Recommendation, Record<Lang, string>> = {
  hire: { 'zh-CN': '建议录用', en: 'Hire' },
  hold: { 'zh-CN': '待定', en: 'Hold' },
  reject: { 'zh-CN': '不建议录用', en: 'Do not hire' },
};

export const recommendationLabel = (r: Recommendation, lang: Lang) => RECOMMENDATION_LABELS[r][lang];

export const CandidateHiringSchema = z.object({
  id: z.string().openapi({ description: 'The hiring request (kind `hiring`)' }),
  status: z.enum(HIRING_STATUSES), statusLabel: z.string(),
  currentStep: z.string().nullable(), currentStepLabel: z.string().nullable(),
  rounds: z.array(z.object({
    round: z.number().int(), label: z.string(), mode: z.enum(['any', 'all']).openapi({ description: '或签 any one answers; 会签 all answer' }),
    interview: z.object({
      at: z.string(), place: z.string(), scheduledByName: z.string(),
      interviewers: z.array(z.object({ employeeId: z.string().nullable(), name: z.string() })),
    }).nullable().openapi({ description: 'Null until the round is scheduled' }),
    answers: z.array(z.object({ name: z.string(), score: z.number(), recommendation: z.enum(RECOMMENDATIONS), recommendationLabel: z.string(), notes: z.string().nullable(), at: z.string() })),
    average: z.number().nullable(),
  })),
}).openapi('CandidateHiring');

/** `onlyBy`: an interviewer reading (candidate-access.ts) sees their own answers only, and no averages. */
export function presentHiring(r: HiringRequest, lang: Lang, onlyBy?: string): z.infer<typeof CandidateHiringSchema> {
  const step = r.currentStep ? hiringChain(r).find((s) => s.key === r.currentStep) : undefined;
  return {
    id: r.id, status: r.status, statusLabel: hiringStatusLabel(r.status, lang),
    currentStep: r.currentStep, currentStepLabel: step ? (lang === 'zh-CN' ? step.labelZh : step.labelEn) : null,
    rounds: r.rounds.map((round, i) => {
      const n = i + 1;
      const interview = r.interviews.find((x) => x.round === n);
      const all = r.answers[String(n)] ?? [];
      const answers = onlyBy === undefined ? all : all.filter((a) => a.userId === onlyBy);
      return {
        round: n, label: lang === 'zh-CN' ? round.labelZh : round.labelEn, mode: round.mode,
        interview: interview
          ? { at: interview.at, place: interview.place, scheduledByName: interview.scheduledByName, interviewers: interview.interviewers.map((p) => ({ employeeId: p.employeeId, name: p.name })) }
          : null,
        answers: answers.map((a) => ({ name: a.name, score: a.score, recommendation: a.recommendation, recommendationLabel: RECOMMENDATION_LABELS[a.recommendation][lang], notes: a.notes, at: a.at })),
        average: onlyBy === undefined ? roundResult(answers).average : null,
      };
    }),
  };
}
