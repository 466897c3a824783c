/**
 * The signature pad's drawing and export, without React or a real canvas (test/admin tests it
 * with a stand-in): strokes in CSS pixels, drawn on a white ground so the image reads the same
 * on the page, on paper and in a dark theme, and exported as the API takes it — a `data:` URL of
 * a PNG (a JPEG if the PNG would be over the limit) of at most 200 KB
 * (functions/workflow/discipline.ts `parseSignature`).
 */

export interface Point {
  x: number;
  y: number;
}
export type Stroke = Point[];

/** The API's limit on the image's bytes (SIGNATURE_MAX_KB). */
export const SIGNATURE_MAX_BYTES = 200 * 1024;

/** Less ink than this (CSS pixels of line) is a tap or a slip, not a signature. */
export const MIN_INK = 24;

/** The pen: wide enough to read when printed at a few centimetres. */
export const LINE_WIDTH = 2.5;
const INK = '#111';
const PAPER = '#fff';

/** The part of CanvasRenderingContext2D the pad draws with (loosely typed: tested without the DOM's types). */
export interface Pen {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  fill(): void;
  stroke(): void;
}

/** The part of a canvas element the export reads. */
export interface ExportableCanvas {
  toDataURL(type?: string, quality?: number): string;
}

/** Where a pointer is on the pad, in its CSS pixels, kept inside it. */
export function pointOnPad(rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): Point {
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return { x: clamp(clientX - rect.left, rect.width), y: clamp(clientY - rect.top, rect.height) };
}

/** How much line has been drawn, in CSS pixels (a dot counts as its pen's width). */
export function inkLength(strokes: readonly Stroke[]): number {
  let total = 0;
  for (const stroke of strokes) {
    if (stroke.length === 1) total += LINE_WIDTH;
    for (let i = 1; i < stroke.length; i++) total += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y);
  }
  return total;
}

export const hasSignature = (strokes: readonly Stroke[]): boolean => inkLength(strokes) >= MIN_INK;

/**
 * Paints the pad: the white ground over its whole backing store (`scale` device pixels per CSS
 * pixel, so the line stays sharp on a phone), then each stroke.
 */
export function paint(pen: Pen, size: { width: number; height: number }, scale: number, strokes: readonly Stroke[]): void {
  pen.setTransform(scale, 0, 0, scale, 0, 0);
  pen.fillStyle = PAPER;
  pen.fillRect(0, 0, size.width, size.height);
  for (const stroke of strokes) drawStroke(pen, stroke);
}

/** One stroke (or its newest segment, `from` its previous point, while the pen moves). */
export function drawStroke(pen: Pen, stroke: readonly Point[], from = 0): void {
  pen.strokeStyle = INK;
  pen.fillStyle = INK;
  pen.lineWidth = LINE_WIDTH;
  pen.lineCap = 'round';
  pen.lineJoin = 'round';
  if (stroke.length === 1) {
    pen.beginPath();
    pen.arc(stroke[0]!.x, stroke[0]!.y, LINE_WIDTH / 2, 0, Math.PI * 2);
    pen.fill();
    return;
  }
  const start = Math.max(0, Math.min(from, stroke.length - 2));
  pen.beginPath();
  pen.moveTo(stroke[start]!.x, stroke[start]!.y);
  for (let i = start + 1; i < stroke.length; i++) pen.lineTo(stroke[i]!.x, stroke[i]!.y);
  pen.stroke();
}

/** The bytes a base64 `data:` URL holds. */
export function dataUrlBytes(dataUrl: string): number {
  const comma = dataUrl.indexOf(',');
  const data = comma < 0 ? '' : dataUrl.slice(comma + 1);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

export type SignatureExport = { ok: true; dataUrl: string } | { ok: false; reason: 'empty' | 'too_large' };

/**
 * The signature as the API takes it: nothing for too little ink; a PNG, or a JPEG when the PNG
 * would be over the limit (a very large pad), or nothing if that is too.
 */
export function exportSignature(canvas: ExportableCanvas, strokes: readonly Stroke[], maxBytes = SIGNATURE_MAX_BYTES): SignatureExport {
  if (!hasSignature(strokes)) return { ok: false, reason: 'empty' };
  const png = canvas.toDataURL('image/png');
  if (png.startsWith('data:image/png;base64,') && dataUrlBytes(png) <= maxBytes) return { ok: true, dataUrl: png };
  const jpeg = canvas.toDataURL('image/jpeg', 0.85);
  if (jpeg.startsWith('data:image/jpeg;base64,') && dataUrlBytes(jpeg) <= maxBytes) return { ok: true, dataUrl: jpeg };
  return { ok: false, reason: 'too_large' };
}

/** The backing store's pixels per CSS pixel: the screen's, at most 2 (sharp enough, and small). */
export const padScale = (devicePixelRatio: number | undefined): number => Math.min(Math.max(devicePixelRatio || 1, 1), 2);

/** Bytes as lowercase hex (a SHA-256 digest as the API writes `imageSha256`). */
export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
