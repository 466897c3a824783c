import { describe, expect, it } from 'vitest';
import { layerStates, layoutDiagram, type Diagram } from '../../../admin/src/components/diagramLayout.js';
import { approvalDiagram } from '../../../functions/workflow/execution-view.js';

const state = (name: string, next: string[] = [], type = 'Task') => ({ name, type, comment: null, next });

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the workflow diagram layout', () => {
  it('puts each state in the row of its breadth-first depth from the start', () => {
    const diagram: Diagram = {
      startAt: 'A',
      states: [state('D'), state('A', ['B', 'C']), state('B', ['D']), state('C', ['D', 'A'])],
    };
    expect(Object.fromEntries(layerStates(diagram))).toEqual({ A: 0, B: 1, C: 1, D: 2 });
  });

  it('puts states the start never reaches in a last row instead of dropping them', () => {
    const diagram: Diagram = { startAt: 'A', states: [state('A', ['B']), state('B'), state('Orphan')] };
    expect(layerStates(diagram).get('Orphan')).toBe(2);
    expect(layoutDiagram(diagram).nodes.map((n) => n.name).sort()).toEqual(['A', 'B', 'Orphan']);
  });

  it('draws edges down, back up around the side, across a row and into the same state', () => {
    const diagram: Diagram = {
      startAt: 'A',
      states: [state('A', ['B', 'C']), state('B', ['C', 'A']), state('C', ['C'])],
    };
    const kinds = Object.fromEntries(layoutDiagram(diagram).edges.map((e) => [`${e.from}->${e.to}`, e.kind]));
    expect(kinds).toEqual({ 'A->B': 'down', 'A->C': 'down', 'B->C': 'across', 'B->A': 'back', 'C->C': 'self' });
  });

  it('lays out the real approval state machine: every state once, no boxes overlapping, all inside the picture', () => {
    const diagram = approvalDiagram();
    const layout = layoutDiagram(diagram);
    expect(layout.nodes.map((n) => n.name).sort()).toEqual(diagram.states.map((s) => s.name).sort());
    expect(layout.nodes.find((n) => n.name === diagram.startAt)?.layer).toBe(0);
    for (const [i, a] of layout.nodes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
    }
    const edgeCount = diagram.states.reduce((n, s) => n + s.next.length, 0);
    expect(layout.edges).toHaveLength(edgeCount);
    // Narrow enough to read on a phone when scaled to 375 px (no more than three boxes a row).
    expect(Math.max(...[...layerStates(diagram).values()].map((l) => layout.nodes.filter((n) => n.layer === l).length))).toBeLessThanOrEqual(3);
  });
});
