/**
 * The comment box's rule, as the API has it (functions/workflow/comments.ts COMMENT_MAX_CHARS and
 * the comment body schema in functions/http/routes/requests.ts): at most 2000 characters, counted
 * as the API's schema counts them. The console may not import backend code, hence this copy.
 */
export const COMMENT_MAX = 2000;

/** What the counter under the box shows, and whether the text is over the limit. */
export function commentCounter(text: string | null | undefined): { count: number; left: number; over: boolean } {
  const count = (text ?? '').length;
  return { count, left: COMMENT_MAX - count, over: count > COMMENT_MAX };
}
