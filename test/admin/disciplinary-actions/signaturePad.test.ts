import { describe, expect, it } from 'vitest';
import {
  dataUrlBytes, drawStroke, exportSignature, hasSignature, inkLength, LINE_WIDTH, MIN_INK, padScale, paint, pointOnPad, SIGNATURE_MAX_BYTES, toHex, type Pen, type Stroke,
} from '../../../admin/src/disciplinary-actions/signaturePad.js';

/** A pen that writes down what it is asked to draw. */
function recordingPen() {
  const calls: string[] = [];
  const pen = {
    fillStyle: '', strokeStyle: '', lineWidth: 0, lineCap: 'butt', lineJoin: 'miter',
    setTransform: (...a: number[]) => calls.push(`transform ${a.join(',')}`),
    fillRect: (...a: number[]) => calls.push(`fillRect ${a.join(',')} ${String(pen.fillStyle)}`),
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`move ${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`line ${x},${y}`),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y},${r}`),
    fill: () => calls.push('fill'),
    stroke: () => calls.push(`stroke ${String(pen.strokeStyle)} ${pen.lineWidth}`),
  } satisfies Pen;
  return { pen, calls };
}

/** A base64 data URL of `bytes` bytes. */
const dataUrl = (type: string, bytes: number) => `data:${type};base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

/** A canvas whose exports are as large as given (PNG, JPEG). */
const canvasOf = (png: number, jpeg: number) => ({
  asked: [] as string[],
  toDataURL(type?: string) {
    this.asked.push(type ?? 'image/png');
    return type === 'image/jpeg' ? dataUrl('image/jpeg', jpeg) : dataUrl('image/png', png);
  },
});

const line: Stroke = [{ x: 10, y: 10 }, { x: 40, y: 10 }, { x: 40, y: 30 }];

describe('the signature pad (签收, 见证签字)', () => {
  it('takes a pointer where it is on the pad, kept inside it (a finger sliding off the edge)', () => {
    const rect = { left: 20, top: 100, width: 335, height: 180 };
    expect(pointOnPad(rect, 50, 150)).toEqual({ x: 30, y: 50 });
    expect(pointOnPad(rect, 10, 400)).toEqual({ x: 0, y: 180 });
    expect(pointOnPad(rect, 500, 90)).toEqual({ x: 335, y: 0 });
  });

  it('a tap or a slip is not a signature; a written name is', () => {
    expect(hasSignature([])).toBe(false);
    expect(inkLength([[{ x: 5, y: 5 }]])).toBe(LINE_WIDTH);
    expect(hasSignature([[{ x: 5, y: 5 }], [{ x: 9, y: 9 }, { x: 12, y: 13 }]])).toBe(false);
    expect(inkLength([line])).toBe(50);
    expect(hasSignature([line])).toBe(true);
    expect(MIN_INK).toBeLessThan(50);
  });

  it('paints a white ground at the screen’s scale, then each stroke in ink; a dot is a round blot', () => {
    const { pen, calls } = recordingPen();
    paint(pen, { width: 335, height: 180 }, 2, [line, [{ x: 100, y: 50 }]]);
    expect(calls).toEqual([
      'transform 2,0,0,2,0,0', 'fillRect 0,0,335,180 #fff',
      'begin', 'move 10,10', 'line 40,10', 'line 40,30', `stroke #111 ${LINE_WIDTH}`,
      'begin', `arc 100,50,${LINE_WIDTH / 2}`, 'fill',
    ]);
  });

  it('while the pen moves, draws only the stroke’s newest segment', () => {
    const { pen, calls } = recordingPen();
    drawStroke(pen, [...line, { x: 60, y: 30 }], 3);
    expect(calls).toEqual(['begin', 'move 40,30', 'line 60,30', `stroke #111 ${LINE_WIDTH}`]);
  });

  it('exports a PNG data URL, as the API takes it, when there is a signature', () => {
    const canvas = canvasOf(12_000, 9_000);
    const out = exportSignature(canvas, [line]);
    expect(out.ok && out.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(out.ok && dataUrlBytes(out.dataUrl)).toBe(12_000);
    expect(canvas.asked).toEqual(['image/png']);
  });

  it('sends nothing without a signature', () => {
    const canvas = canvasOf(12_000, 9_000);
    expect(exportSignature(canvas, [])).toEqual({ ok: false, reason: 'empty' });
    expect(canvas.asked).toEqual([]);
  });

  it('a PNG over 200 KB goes as a JPEG if that fits; else it is refused before sending', () => {
    expect(exportSignature(canvasOf(SIGNATURE_MAX_BYTES + 1, 80_000), [line])).toMatchObject({ ok: true, dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/) });
    expect(exportSignature(canvasOf(SIGNATURE_MAX_BYTES, 80_000), [line])).toMatchObject({ ok: true, dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(exportSignature(canvasOf(300_000, SIGNATURE_MAX_BYTES + 1), [line])).toEqual({ ok: false, reason: 'too_large' });
  });

  it('a browser that cannot export a PNG (it answers another type) is not sent as one', () => {
    const odd = { toDataURL: (type?: string) => (type === 'image/jpeg' ? dataUrl('image/jpeg', 5_000) : dataUrl('image/webp', 5_000)) };
    expect(exportSignature(odd, [line])).toMatchObject({ ok: true, dataUrl: expect.stringMatching(/^data:image\/jpeg/) });
  });

  it('counts a data URL’s bytes exactly, with or without padding', () => {
    for (const n of [64, 65, 66, 1000]) expect(dataUrlBytes(dataUrl('image/png', n)), String(n)).toBe(n);
    expect(dataUrlBytes('nonsense')).toBe(0);
  });

  it('draws at the screen’s pixel ratio, at most 2, at least 1', () => {
    expect(padScale(3)).toBe(2);
    expect(padScale(1.5)).toBe(1.5);
    expect(padScale(undefined)).toBe(1);
    expect(padScale(0.5)).toBe(1);
  });

  it('writes a digest as the API writes imageSha256 (lowercase hex)', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
    expect(toHex(new Uint8Array([171, 205]).buffer)).toBe('abcd');
  });
});
