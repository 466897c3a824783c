import { Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslate } from 'react-admin';
import { drawStroke, exportSignature, hasSignature, paint, padScale, pointOnPad, type Stroke } from './signaturePad';

const key = (path: string) => `resources.disciplinary-actions.${path}`;
const PAD_HEIGHT = 180;

/**
 * 手写签名: a canvas drawn on with a mouse, a pen or a finger (pointer events; `touch-action:
 * none`, so a finger draws instead of scrolling the page), as wide as the page allows (a 375 px
 * phone too). 清除 starts again; 确认签名 sends the image (`onConfirm` gets the `data:` URL) once
 * there is enough ink. `error` is the server's refusal of the signature, shown under the pad.
 */
export const SignaturePad = ({ onConfirm, submitting, error, id }: {
  onConfirm: (dataUrl: string) => Promise<void> | void;
  submitting: boolean;
  error?: string | undefined;
  /** Names the pad (its label and hint) for tests and assistive technology. */
  id: string;
}) => {
  const translate = useTranslate();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef<number | null>(null);
  const [inked, setInked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // The backing store follows the pad's size (a turned phone, a resized window): repainted from the strokes.
  const fit = useCallback(() => {
    const el = canvas.current;
    const pen = el?.getContext('2d');
    if (!el || !pen) return;
    const scale = padScale(window.devicePixelRatio);
    const width = el.clientWidth;
    el.width = Math.round(width * scale);
    el.height = Math.round(PAD_HEIGHT * scale);
    paint(pen, { width, height: PAD_HEIGHT }, scale, strokes.current);
  }, []);

  useEffect(() => {
    fit();
    const el = canvas.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        fit();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => pointOnPad(e.currentTarget.getBoundingClientRect(), e.clientX, e.clientY);

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (submitting || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = e.pointerId;
    const stroke = [at(e)];
    strokes.current = [...strokes.current, stroke];
    const pen = e.currentTarget.getContext('2d');
    if (pen) drawStroke(pen, stroke);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    e.preventDefault();
    const stroke = strokes.current.at(-1);
    if (!stroke) return;
    const from = stroke.length - 1;
    // A fast hand gives several points per frame: take them all, so the line keeps its curves.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const rect = e.currentTarget.getBoundingClientRect();
    for (const p of events.length ? events : [e.nativeEvent]) stroke.push(pointOnPad(rect, p.clientX, p.clientY));
    const pen = e.currentTarget.getContext('2d');
    if (pen) drawStroke(pen, stroke, from);
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    drawing.current = null;
    setInked(hasSignature(strokes.current));
    setProblem(null);
  };

  const clear = () => {
    strokes.current = [];
    setInked(false);
    setProblem(null);
    fit();
  };

  const confirm = async () => {
    const el = canvas.current;
    if (!el) return;
    const out = exportSignature(el, strokes.current);
    if (!out.ok) {
      setProblem(translate(key(`pad.${out.reason}`)));
      return;
    }
    await onConfirm(out.dataUrl);
  };

  const shown = problem ?? error;
  return (
    // At most a hand's width on a desktop: a signature, not a banner (and a small image).
    <Stack spacing={1} data-testid={`${id}-pad`} sx={{ maxWidth: 560 }}>
      <Typography variant="body2" id={`${id}-pad-label`} sx={{ fontWeight: 500 }}>
        {translate(key('pad.label'))}
      </Typography>
      <Box
        component="canvas"
        ref={canvas}
        role="img"
        aria-labelledby={`${id}-pad-label`}
        aria-describedby={`${id}-pad-hint`}
        data-inked={inked || undefined}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onLostPointerCapture={up}
        sx={{
          display: 'block', width: '100%', height: PAD_HEIGHT, touchAction: 'none', userSelect: 'none', cursor: 'crosshair',
          border: 2, borderStyle: 'dashed', borderColor: shown ? 'error.main' : 'divider', borderRadius: 1, bgcolor: '#fff',
        }}
      />
      <Typography variant="caption" color={shown ? 'error' : 'text.secondary'} id={`${id}-pad-hint`} role={shown ? 'alert' : undefined}>
        {shown ?? translate(key('pad.hint'))}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={clear} disabled={submitting} sx={{ minHeight: 44 }}>
          {translate(key('pad.clear'))}
        </Button>
        <Button variant="contained" onClick={() => void confirm()} disabled={submitting || !inked} sx={{ minHeight: 44 }}>
          {translate(key('pad.confirm'))}
        </Button>
      </Stack>
    </Stack>
  );
};
