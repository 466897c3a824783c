/**
 * What a chain step is and what acting on it takes — declared once per step, and everything
 * else is built from it: the HTTP decision body's validation, the emailed form, the console's
 * decision panel (the API describes the fields), which verbs the step offers, who may act.
 *
 * Step types (the ASL branches on them, functions/workflow/approval.asl.json):
 * - `decision`: people decide; overdue → reminder → escalation.
 * - `waitForSubject`: the request's subject acts (signs, refuses, appeals, accepts) within
 *   `deadlineHours`; when it passes, `onDeadline` decides the step by itself (e.g. a warning
 *   takes effect after the 3-day appeal window, POLICIES.md §4).
 * - `waitUntil`: nobody acts; the chain goes on at a time the kind computes (e.g. the start
 *   date + 10 days, POLICIES.md §2).
 */
import { paragraphProblem } from '../text/characters.js';
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { isValidDate } from '../people/dates.js';

export type StepType = 'decision' | 'waitForSubject' | 'waitUntil';

/** The verbs on a person's task besides approve/reject (withdraw, CC and 催办 are the request's). */
export const STEP_VERBS = ['return', 'addApprovers', 'transfer'] as const;
export type StepVerb = (typeof STEP_VERBS)[number];

export type Localized = { 'zh-CN': string; en: string };

export interface FieldSpec {
  /** The body's key; with `group`, `group.name` (probation: `scores.interview`). */
  name: string;
  group?: string;
  label: Localized;
  type: 'integer' | 'number' | 'text' | 'date' | 'choice';
  /** Needed to approve (a reject never needs fields). */
  required?: boolean;
  min?: number;
  max?: number;
  /** A `number` with at most this many decimal places (probation scores: one). */
  decimals?: number;
  maxLength?: number;
  options?: { value: string; label: Localized }[];
}

export interface StepSpec {
  type: StepType;
  fields: readonly FieldSpec[];
  verbs: readonly StepVerb[];
  /** The person the request is about acts at this step (and nobody else may). */
  subjectActs: boolean;
  /** Only someone signed in to the console decides: the email links to the console, and link decisions are refused. */
  signedInOnly: boolean;
  /**
   * May count as approved without asking when policy says so (同一审批人只审一次, the requester
   * as approver `skip`). Not for a step that records something of its own (scores, an outcome).
   */
  skippable: boolean;
  /** waitForSubject: hours the subject has. */
  deadlineHours?: number;
  /** waitForSubject: what the step becomes when the deadline passes. */
  onDeadline?: 'approve' | 'reject';
}

/** A person's decision with the verbs Chinese approvers expect (the default step). */
export const DECISION_STEP: StepSpec = { type: 'decision', fields: [], verbs: ['return', 'addApprovers', 'transfer'], subjectActs: false, signedInOnly: false, skippable: true };

/** The dotted path of a field in the decision body. */
export const fieldPath = (f: Pick<FieldSpec, 'name' | 'group'>) => (f.group ? `${f.group}.${f.name}` : f.name);

function fieldSchema(f: FieldSpec): z.ZodType {
  switch (f.type) {
    case 'integer':
      return z.number().int().min(f.min ?? Number.MIN_SAFE_INTEGER).max(f.max ?? Number.MAX_SAFE_INTEGER);
    case 'number': {
      const n = z.number().finite().min(f.min ?? -Number.MAX_VALUE).max(f.max ?? Number.MAX_VALUE);
      const places = f.decimals;
      // Counted in the decimal the person typed (99.95 has two places), not in binary.
      return places === undefined ? n : n.refine((v) => Number.isInteger(Math.round(v * 10 ** places * 1e6) / 1e6), { message: `format.decimals.${places}` });
    }
    case 'text':
      // An answer is a paragraph: line breaks yes, hidden characters no (#13 item 5).
      return z.string().trim().min(1).max(f.maxLength ?? 2000).superRefine((text, ctx) => {
        const found = paragraphProblem(text);
        if (found) ctx.addIssue({ code: 'custom', message: found });
      });
    case 'date':
      return z.string().refine(isValidDate, { message: 'format.date' });
    case 'choice': {
      const values = (f.options ?? []).map((o) => o.value);
      return z.enum(values as [string, ...string[]]);
    }
  }
}

/**
 * The schema of a decision's fields at a step, strict (a field the step does not declare is
 * refused, naming it). `approve`: required fields must be there; a reject or return takes none.
 * The API and the emailed form validate with this same schema.
 */
export function decisionFieldsSchema(fields: readonly FieldSpec[], decision: 'approve' | 'reject' | 'return'): z.ZodType<Record<string, unknown>> {
  const top: Record<string, z.ZodType> = {};
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const f of fields) {
    const schema = decision === 'approve' && f.required ? fieldSchema(f) : fieldSchema(f).optional();
    if (f.group) {
      const group = groups.get(f.group) ?? {};
      group[f.name] = schema;
      groups.set(f.group, group);
    } else {
      top[f.name] = schema;
    }
  }
  for (const [name, members] of groups) {
    const required = decision === 'approve' && fields.some((f) => f.group === name && f.required);
    const object = z.object(members).strict();
    top[name] = required ? object : object.optional();
  }
  return z.object(top).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

/** A decision's fields that do not fit its step: the HTTP edge answers 400 naming each (with zod's localized messages). */
export class DecisionFieldsInvalid extends DomainError {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    const paths = issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.')]));
    super('APPROVAL.FIELDS_INVALID', paths[0] || undefined, { fields: paths.join(', ') });
  }
}

/** Validates (and normalises: trimmed text) a decision's fields; throws DecisionFieldsInvalid. */
export function parseDecisionFields(spec: Pick<StepSpec, 'fields'>, decision: 'approve' | 'reject' | 'return', input: Record<string, unknown>): Record<string, unknown> {
  const result = decisionFieldsSchema(spec.fields, decision).safeParse(input);
  if (!result.success) throw new DecisionFieldsInvalid(result.error.issues);
  return result.data;
}

/**
 * An HTML form's string values (`scores_interview`, `comment`) as the API's body
 * (`{scores: {interview: 85}}`): numbers parsed, empty inputs left out. Values that are not
 * numbers stay strings, so the same schema refuses them as it would on the API.
 */
export function fieldsFromForm(fields: readonly FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[formName(f)];
    if (raw === undefined || raw.trim() === '') continue;
    const numeric = f.type === 'integer' || f.type === 'number';
    const value = numeric && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw.trim();
    if (f.group) ((out[f.group] ??= {}) as Record<string, unknown>)[f.name] = value;
    else out[f.name] = value;
  }
  return out;
}

/** The input name of a field in an HTML form (no dots: `group_name`). */
export const formName = (f: Pick<FieldSpec, 'name' | 'group'>) => (f.group ? `${f.group}_${f.name}` : f.name);

/**
 * What a decision recorded, as a person reads it: each field the step declares that has a
 * value, by its label, a choice by its option's label. (`fields` as the decision body had them.)
 */
export function labelledAnswers(spec: Pick<StepSpec, 'fields'>, fields: Record<string, unknown>, lang: 'zh-CN' | 'en'): [string, string][] {
  const out: [string, string][] = [];
  for (const f of spec.fields) {
    const value = f.group ? (fields[f.group] as Record<string, unknown> | undefined)?.[f.name] : fields[f.name];
    if (value === undefined || value === null || value === '') continue;
    const shown = f.type === 'choice' ? (f.options?.find((o) => o.value === value)?.label[lang] ?? String(value)) : String(value);
    out.push([f.label[lang], shown]);
  }
  return out;
}
