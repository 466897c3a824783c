/**
 * A state machine's states laid out for drawing, without a graph library: layers by
 * breadth-first depth from the start state (one row per layer, top to bottom, so the diagram
 * stays narrow enough for a phone), boxes ordered within a row to sit under their parents,
 * and edges as SVG paths — downward edges straight down, edges going back up (retries,
 * loops, catch-all failure paths) around the side, a state's edge to itself as a small loop.
 */

export interface DiagramState {
  name: string;
  type: string;
  comment: string | null;
  next: string[];
}

export interface Diagram {
  startAt: string;
  states: DiagramState[];
}

export interface LaidOutNode extends DiagramState {
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type EdgeKind = 'down' | 'across' | 'back' | 'self';

export interface LaidOutEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** SVG path data, ending at the target's border (where the arrowhead goes). */
  path: string;
}

export interface DiagramLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 40;
const GAP_X = 28;
const GAP_Y = 44;
const PAD = 12;
/** Room on each side for the edges that go back up. */
const LANE_MARGIN = 56;
const LANE_STEP = 8;
const LANES = Math.floor((LANE_MARGIN - 2 * LANE_STEP) / LANE_STEP) + 1;
/** Boxes a row holds: narrow enough to read on a phone (375 px) when scaled. */
const MAX_PER_ROW = 3;

/** Breadth-first depth of every state from `startAt`; states it never reaches come last. */
export function layerStates(diagram: Diagram): Map<string, number> {
  const known = new Set(diagram.states.map((s) => s.name));
  const byName = new Map(diagram.states.map((s) => [s.name, s]));
  const depth = new Map<string, number>();
  const queue: string[] = [];
  if (known.has(diagram.startAt)) {
    depth.set(diagram.startAt, 0);
    queue.push(diagram.startAt);
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i]!;
    for (const next of byName.get(name)?.next ?? []) {
      if (!known.has(next) || depth.has(next)) continue;
      depth.set(next, depth.get(name)! + 1);
      queue.push(next);
    }
  }
  const unreached = diagram.states.filter((s) => !depth.has(s.name));
  const last = depth.size === 0 ? -1 : Math.max(...depth.values());
  for (const s of unreached) depth.set(s.name, last + 1);
  return depth;
}

export function layoutDiagram(diagram: Diagram): DiagramLayout {
  const depth = layerStates(diagram);
  // Rows in breadth-first discovery order (the map's insertion order), then each row after the
  // first sorted by where its parents sit, so most edges go straight down.
  const byDepth: string[][] = [];
  for (const [name, layer] of depth) (byDepth[layer] ??= []).push(name);
  // A depth with more states than a phone's row holds is drawn as several rows.
  const rows = byDepth.flatMap((row) => Array.from({ length: Math.ceil(row.length / MAX_PER_ROW) }, (_, i) => row.slice(i * MAX_PER_ROW, (i + 1) * MAX_PER_ROW)));
  const rowOf = new Map(rows.flatMap((row, i) => row.map((name) => [name, i] as const)));
  const parents = new Map<string, string[]>();
  for (const s of diagram.states) {
    for (const next of s.next) if (depth.has(next) && next !== s.name) (parents.get(next) ?? parents.set(next, []).get(next)!).push(s.name);
  }
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const inner = widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const width = inner + 2 * (PAD + LANE_MARGIN);
  const centreX = new Map<string, number>();
  const byName = new Map(diagram.states.map((s) => [s.name, s]));
  const nodes: LaidOutNode[] = [];

  rows.forEach((row, layer) => {
    if (layer > 0) {
      const order = new Map(row.map((name, i) => [name, i]));
      const pull = (name: string) => {
        const above = (parents.get(name) ?? []).filter((p) => (rowOf.get(p) ?? Infinity) < layer).map((p) => centreX.get(p)!);
        return above.length ? above.reduce((a, b) => a + b, 0) / above.length : Infinity;
      };
      row.sort((a, b) => pull(a) - pull(b) || order.get(a)! - order.get(b)!);
    }
    const rowWidth = row.length * NODE_WIDTH + (row.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    row.forEach((name, i) => {
      const x = left + i * (NODE_WIDTH + GAP_X);
      const y = PAD + layer * (NODE_HEIGHT + GAP_Y);
      centreX.set(name, x + NODE_WIDTH / 2);
      nodes.push({ ...byName.get(name)!, layer, x, y, width: NODE_WIDTH, height: NODE_HEIGHT });
    });
  });

  const at = new Map(nodes.map((n) => [n.name, n]));
  const lanes = { left: 0, right: 0 };
  const edges: LaidOutEdge[] = [];
  for (const from of nodes) {
    for (const to of from.next.map((n) => at.get(n)).filter((n): n is LaidOutNode => !!n)) {
      edges.push(route(from, to, width, lanes));
    }
  }
  const height = rows.length * NODE_HEIGHT + Math.max(0, rows.length - 1) * GAP_Y + 2 * PAD;
  return { nodes, edges, width, height };
}

function route(from: LaidOutNode, to: LaidOutNode, width: number, lanes: { left: number; right: number }): LaidOutEdge {
  const r = (v: number) => Math.round(v * 10) / 10;
  if (from.name === to.name) {
    const x = from.x + from.width;
    const y = from.y;
    const path = `M ${r(x)} ${r(y + 10)} C ${r(x + 34)} ${r(y - 8)} ${r(x + 34)} ${r(y + from.height + 8)} ${r(x)} ${r(y + from.height - 10)}`;
    return { from: from.name, to: to.name, kind: 'self', path };
  }
  if (to.layer > from.layer) {
    const x1 = from.x + from.width / 2;
    const y1 = from.y + from.height;
    const x2 = to.x + to.width / 2;
    const y2 = to.y;
    const bend = (y2 - y1) / 2;
    const path = `M ${r(x1)} ${r(y1)} C ${r(x1)} ${r(y1 + bend)} ${r(x2)} ${r(y2 - bend)} ${r(x2)} ${r(y2)}`;
    return { from: from.name, to: to.name, kind: 'down', path };
  }
  if (to.layer === from.layer && Math.abs(to.x - from.x) <= from.width + GAP_X + 1) {
    // Neighbours in a row: a short straight edge between their facing sides.
    const rightward = to.x > from.x;
    const y = from.y + from.height / 2;
    const x1 = rightward ? from.x + from.width : from.x;
    const x2 = rightward ? to.x : to.x + to.width;
    return { from: from.name, to: to.name, kind: 'across', path: `M ${r(x1)} ${r(y)} L ${r(x2)} ${r(y)}` };
  }
  // Back up (or across a row with boxes between): out of the source's outer side, along a lane
  // in the margin, into the target's same side. Each such edge gets its own lane, as many as
  // the margin holds (then they are reused).
  const side = from.x + from.width / 2 + (to.x + to.width / 2) < width ? 'left' : 'right';
  const lane = LANE_STEP * 2 + LANE_STEP * (lanes[side]++ % LANES);
  const x1 = side === 'left' ? from.x : from.x + from.width;
  const x2 = side === 'left' ? to.x : to.x + to.width;
  const laneX = side === 'left' ? Math.min(from.x, to.x) - lane : Math.max(from.x + from.width, to.x + to.width) + lane;
  const y1 = from.y + from.height / 2;
  const y2 = to.y + to.height / 2;
  const path = `M ${r(x1)} ${r(y1)} C ${r(laneX)} ${r(y1)} ${r(laneX)} ${r(y2)} ${r(x2)} ${r(y2)}`;
  return { from: from.name, to: to.name, kind: 'back', path };
}
