/**
 * The closed vocabularies of an employee record (POLICIES.md §1). Labels live in the
 * catalogs under resources.employees.choices.<field>.<value>; react-admin's SelectInput and
 * SelectField translate them.
 */
export const POSTS = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr'] as const;
export const LEVELS = ['trainee', 'junior', 'mid', 'senior', 'reserve_supervisor'] as const;
export const STATUSES = ['probation', 'regular', 'suspended', 'terminated'] as const;

export type Post = (typeof POSTS)[number];
export type Level = (typeof LEVELS)[number];
export type Status = (typeof STATUSES)[number];

export type ChoiceField = 'post' | 'level' | 'status';

export const choiceKey = (field: ChoiceField, value: string) => `resources.employees.choices.${field}.${value}`;

const toChoices = (field: ChoiceField, values: readonly string[]) =>
  values.map((id) => ({ id, name: choiceKey(field, id) }));

export const postChoices = toChoices('post', POSTS);
export const levelChoices = toChoices('level', LEVELS);
export const statusChoices = toChoices('status', STATUSES);

export const CHOICE_FIELDS: Record<ChoiceField, readonly string[]> = {
  post: POSTS,
  level: LEVELS,
  status: STATUSES,
};
