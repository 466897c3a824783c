/**
 * The closed vocabularies of a probation review (POLICIES.md §3). Labels live in the catalogs
 * under resources.probation-reviews.choices.<field>.<value>.
 */
export const REVIEW_STATUSES = ['scheduled', 'in_review', 'converted', 'extended', 'ended', 'rejected', 'failed', 'withdrawn'] as const;
export const REVIEW_KINDS = ['early', 'scheduled'] as const;
export const OUTCOMES = ['convert', 'extend', 'end'] as const;

export const reviewChoiceKey = (field: 'status' | 'kind' | 'outcome' | 'band' | 'applicant', value: string) =>
  `resources.probation-reviews.choices.${field}.${value}`;

const toChoices = (field: 'status' | 'kind' | 'outcome', values: readonly string[]) =>
  values.map((id) => ({ id, name: reviewChoiceKey(field, id) }));

export const reviewStatusChoices = toChoices('status', REVIEW_STATUSES);
export const reviewKindChoices = toChoices('kind', REVIEW_KINDS);
export const outcomeChoices = toChoices('outcome', OUTCOMES);
