import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.1 level A and AA, the level the console is held to (#13 item 10). */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Rules switched off for a genuine false positive, each with its reason. Empty: a rule goes
 * here only when axe is wrong about the page, never to make a real finding pass.
 */
const FALSE_POSITIVES: Record<string, string> = {};

export interface Finding {
  id: string;
  impact: axe.ImpactValue | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core (the `axe-core` package's own build, injected into the page) on what the page
 * shows now, and returns its serious and critical violations of WCAG 2.1 AA.
 *
 * Injected by evaluating its source, not with `addScriptTag`: the console's CSP
 * (`script-src 'self'`) rightly refuses an inline script, and the page is checked as served,
 * without `bypassCSP`.
 */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${axe.source}\n;undefined`);
  const options: axe.RunOptions = {
    runOnly: { type: 'tag', values: [...WCAG21_AA] },
    resultTypes: ['violations'],
    rules: Object.fromEntries(Object.keys(FALSE_POSITIVES).map((id) => [id, { enabled: false }])),
  };
  const results = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as axe.AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' >>> '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
}

/** The findings as a readable list: rule, impact, what it asks, and each offending node. */
export function describeFindings(where: string, findings: Finding[]): string {
  if (findings.length === 0) return `${where}: no serious or critical violations`;
  const lines = [`${where}: ${findings.length} serious/critical WCAG 2.1 AA violation(s)`];
  for (const f of findings) {
    lines.push(`- ${f.id} (${f.impact}): ${f.help} — ${f.helpUrl}`);
    for (const n of f.nodes) lines.push(`    ${n.target}\n      ${n.summary}`);
  }
  return lines.join('\n');
}

/**
 * The page as it is now has no serious WCAG 2.1 AA violation, read from its top (the app bar
 * hides while a react-admin page is scrolled down) once its requests and transitions settle;
 * with `oneH1`, also a single h1 (a console page's is the app bar's title).
 */
export async function expectAccessible(page: Page, where: string, { oneH1 = false } = {}): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForLoadState('networkidle');
  // A fading element is mid-colour: axe reads the page once MUI's transitions are over.
  await page.waitForTimeout(500);
  const findings = await seriousViolations(page);
  expect(findings.length, describeFindings(where, findings)).toBe(0);
  if (oneH1) expect(await page.getByRole('heading', { level: 1 }).allInnerTexts(), `${where}: h1 headings`).toHaveLength(1);
}
