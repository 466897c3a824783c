/**
 * The server's message for one field of a refused verb, from react-admin's HttpError whose
 * `body.errors` the console's API client shaped like a form (providers/http.ts `toFormErrors`):
 * `signature`, `attachments`, or the first of a list's (`userIds[1]` → `userIds.1`). For the
 * parts of a page no form input owns (the signature pad, the files); the inputs get theirs from
 * useFormVerb.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  const errors = (error as { body?: { errors?: unknown } } | null)?.body?.errors;
  const node = errors && typeof errors === 'object' ? (errors as Record<string, unknown>)[field] : undefined;
  return firstText(node);
}

function firstText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    for (const child of Object.values(node)) {
      const text = firstText(child);
      if (text) return text;
    }
  }
  return undefined;
}
