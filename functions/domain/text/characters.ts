/**
 * Characters that have no place in what people type (#13 item 5). A name of only a zero-width
 * space looks empty and is not; U+202E (right-to-left override) turns "gpj.exe" into "exe.jpg"
 * in a mail subject; CR/LF in a name splits a line of a mail or a CSV; NUL cuts text short in
 * whatever reads it next. Two kinds of field:
 * - a line (names, titles, file names): no control character at all, no invisible or
 *   direction-changing character, and something visible in it;
 * - a paragraph (comments, statements, answers): line breaks and tabs are fine; other control
 *   characters and direction overrides are not.
 * Zero-width joiners stay allowed in paragraphs: emoji sequences (👩‍💻) and some scripts need them.
 */

/** C0 controls except TAB, LF, CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_PARAGRAPH = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Every C0 and C1 control, DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
/** Bidi embeddings, overrides and isolates: they reorder the text around them. */
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
/** The direction marks (ALM, LRM, RLM): invisible, and no use in a name. */
const DIRECTION_MARK = /[\u061C\u200E\u200F]/u;
/** Zero-width and invisible format characters, line/paragraph separators, BOM, interlinear annotations. */
// eslint-disable-next-line no-misleading-character-class -- the joiners and combining grapheme joiner are listed one by one on purpose
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200D\u2028\u2029\u2060-\u2064\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/u;
/** Invisible in a paragraph too (the joiners ZWJ/ZWNJ are not here). */
// eslint-disable-next-line no-misleading-character-class -- the combining grapheme joiner is listed on purpose
const INVISIBLE_IN_PARAGRAPH = /[\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B\u2028\u2029\u2060-\u2064\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/u;
/** What counts as visible: a letter, digit, mark, punctuation or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export type TextProblem = 'text.control' | 'text.direction' | 'text.invisible' | 'text.blank';

/** What is wrong with a line of text, or null. An empty line is for the field's own length rule. */
export function lineProblem(text: string): TextProblem | null {
  if (CONTROL.test(text)) return 'text.control';
  if (DIRECTION.test(text) || DIRECTION_MARK.test(text)) return 'text.direction';
  if (text.length > 0 && !VISIBLE.test(text)) return 'text.blank';
  if (INVISIBLE.test(text)) return 'text.invisible';
  return null;
}

/** What is wrong with a paragraph, or null. */
export function paragraphProblem(text: string): TextProblem | null {
  if (CONTROL_IN_PARAGRAPH.test(text)) return 'text.control';
  if (DIRECTION.test(text)) return 'text.direction';
  if (text.trim().length > 0 && !VISIBLE.test(text)) return 'text.blank';
  if (INVISIBLE_IN_PARAGRAPH.test(text)) return 'text.invisible';
  return null;
}

/**
 * The characters no string in any request may hold, whatever the field: NUL and the other
 * controls (line breaks and tabs aside) and direction overrides. The API's safety net for
 * fields without a text rule of their own (policy values, import rows, keys).
 */
export function anywhereProblem(text: string): TextProblem | null {
  if (CONTROL_IN_PARAGRAPH.test(text)) return 'text.control';
  if (DIRECTION.test(text)) return 'text.direction';
  return null;
}
