/**
 * Server field errors come shaped like the form (providers/http.ts `toFormErrors`). Only those
 * on an input may go back into the form: react-hook-form keeps an error set on a name no input
 * owns (`values.weights` for "the weights must add up to 100", `scores` for "the scores are
 * missing") until it is cleared by hand, and refuses every later submit while it is there.
 * The rest is shown by the page itself.
 */
export interface SplitErrors {
  /** Form-shaped, for react-admin's Form (onSubmit's return value). */
  inputs: Record<string, unknown> | undefined;
  /** Everything else, by dotted path (`values.weights`, `values.chain.0.approver`). */
  others: Record<string, string>;
}

export function splitFormErrors(errors: unknown, isInput: (path: string) => boolean): SplitErrors {
  const inputs: Record<string, unknown> = {};
  const others: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      const dotted = path.join('.');
      if (dotted === 'root.serverError') return; // the page's notification says it
      if (isInput(dotted)) set(inputs, path, node);
      else others[dotted] = node;
      return;
    }
    if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(errors, []);
  return { inputs: Object.keys(inputs).length > 0 ? inputs : undefined, others };
}

function set(target: Record<string, unknown>, path: string[], value: string): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = (node[key] ??= {}) as Record<string, unknown>;
  });
}

/**
 * The server's errors for a small verb form whose inputs are named at the top level: an error
 * on a part of an input (`users[1]` → `users.1`, the second person picked) goes on the input.
 */
export function inputErrors(errors: unknown, inputs: readonly string[]): Record<string, unknown> | undefined {
  const { others, inputs: direct } = splitFormErrors(errors, (path) => inputs.includes(path));
  const out: Record<string, unknown> = { ...direct };
  for (const [path, message] of Object.entries(others)) {
    const top = path.split('.')[0] ?? '';
    if (inputs.includes(top) && out[top] === undefined) out[top] = message;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
