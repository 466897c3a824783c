import { useState } from 'react';
import { useNotify, type HttpError } from 'react-admin';
import { inputErrors } from './formErrors';

/**
 * A form that runs one of the API's verbs (转交, 退回, 加签, 抄送, 代理): while it runs the
 * buttons wait; a refusal is notified with the server's message and its field errors go back
 * to the form's inputs (react-admin's Form shows what onSubmit returns).
 */
export function useFormVerb<V>(run: (values: V) => Promise<unknown>, inputs: readonly string[]) {
  const notify = useNotify();
  const [submitting, setSubmitting] = useState(false);
  async function submit(values: V) {
    setSubmitting(true);
    try {
      await run(values);
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      notify(e.message, { type: 'error' });
      return inputErrors((e.body as { errors?: unknown } | null)?.errors, inputs);
    } finally {
      setSubmitting(false);
    }
  }
  return { submit, submitting };
}
