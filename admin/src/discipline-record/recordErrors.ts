import { splitFormErrors } from '../components/formErrors.js';

/** The record form's inputs the API's field errors may name (`errors[].path`). */
const INPUTS = ['violationCode', 'occurredAt', 'facts'];

/** Where the record dialog says what the API refused. */
export interface RecordRefusal {
  /** Form-shaped, under their inputs (react-admin's Form shows what onSubmit returns). */
  inputs: Record<string, unknown> | undefined;
  /** Under the files (an attachment not uploaded by the issuer, `evidence[0]`). */
  evidence: string | undefined;
  /** Above the buttons: the employee (not under the issuer, left, oneself) or a refusal of the whole. */
  refusal: string | null;
}

/** A refusal of POST /disciplinary-actions (react-admin's HttpError: `message`, `body.errors`), by where it is said. */
export function recordRefusal(error: { message: string; body?: unknown }): RecordRefusal {
  const { inputs, others } = splitFormErrors((error.body as { errors?: unknown } | null | undefined)?.errors, (path) => INPUTS.includes(path));
  const evidence = Object.entries(others).find(([path]) => path.startsWith('evidence'))?.[1];
  const elsewhere = Object.entries(others).filter(([path]) => !path.startsWith('evidence')).map(([, message]) => message);
  const refusal = elsewhere.length > 0 ? elsewhere.join(' · ') : !inputs && !evidence ? error.message : null;
  return { inputs, evidence, refusal };
}
