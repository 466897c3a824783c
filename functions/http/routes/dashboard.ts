import { createRoute, z } from '@hono/zod-openapi';
import { FUNNEL_EVENTS, readCounts } from '../../storage/counters.js';
import { listOrgUnits } from '../../storage/org-units.js';
import { authorize, newRouter } from '../env.js';
import { requires } from '../middleware/requires.js';
import { json, problemResponses } from '../schemas.js';

/** Age buckets of open approval tasks, in whole days since they were asked (company dashboards). */
const AGE_BUCKETS = [
  { key: 'lt1d', maxDays: 1 },
  { key: 'd1to3', maxDays: 3 },
  { key: 'd3to7', maxDays: 7 },
  { key: 'gt7d', maxDays: Infinity },
] as const;

const Ages = z.object(Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, z.number().int()])) as Record<(typeof AGE_BUCKETS)[number]['key'], z.ZodNumber>);

const Dashboard = z
  .object({
    pendingApprovals: z.array(z.object({ requestKind: z.string(), stepKey: z.string(), stepLabel: z.string(), total: z.number().int(), ages: Ages })),
    probation: z.record(z.string(), z.number().int()).openapi({ description: 'Reviews by status: scheduled (due), in_review, converted, extended, ended, rejected, withdrawn, failed' }),
    headcount: z.array(z.object({ teamId: z.string().nullable(), teamName: z.string().nullable(), level: z.string(), status: z.string(), count: z.number().int() })),
    decisions: z.array(z.object({ month: z.string(), channel: z.string(), count: z.number().int() })),
    recruitment: z.array(z.object({
      month: z.string(),
      ...Object.fromEntries(FUNNEL_EVENTS.map((e) => [e, z.number().int()])) as Record<(typeof FUNNEL_EVENTS)[number], z.ZodNumber>,
      averageDaysToHire: z.number().nullable().openapi({ description: 'Days from the opening to the report, averaged over the month’s hires (one decimal)' }),
    })).openapi({ description: 'The recruitment funnel by company month (#14): candidates added, interviewed, offered, accepted, declined, hired (报到), lapsed; and the time to hire' }),
    turnover: z.array(z.object({
      month: z.string(),
      resignation: z.number().int(), probation_not_converted: z.number().int(), dismissal: z.number().int(), total: z.number().int(),
      ratePercent: z.number().nullable().openapi({ description: 'The month’s leavers ÷ (people employed now + the month’s leavers) × 100, one decimal: the month’s turnover against today’s headcount' }),
    })).openapi({ description: 'Leavers by the month of their last day and why (#15), counted when the last day’s work runs' }),
    discipline: z.array(z.object({
      month: z.string(), level: z.string(), teamId: z.string().nullable(), teamName: z.string().nullable(), count: z.number().int(),
    })).openapi({ description: 'Disciplinary actions (#16) by the month they happened, the level issued (a rejected dismissal counts as final) and the employee’s team; voided ones are taken out' }),
  })
  .openapi('Dashboard');

const LEAVING_REASONS = ['resignation', 'probation_not_converted', 'dismissal'] as const;

/** Leavers by month, oldest first, with the month's turnover against the headcount now. */
function turnoverMonths(counts: Record<string, number>, employedNow: number) {
  const months = new Map<string, Record<string, number>>();
  for (const [key, n] of Object.entries(counts)) {
    const [reason = '', month = ''] = key.split('|');
    months.set(month, { ...(months.get(month) ?? {}), [reason]: n });
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => {
    const total = LEAVING_REASONS.reduce((sum, r) => sum + (c[r] ?? 0), 0);
    return {
      month, resignation: c.resignation ?? 0, probation_not_converted: c.probation_not_converted ?? 0, dismissal: c.dismissal ?? 0, total,
      ratePercent: employedNow + total > 0 ? Math.round((total / (employedNow + total)) * 1000) / 10 : null,
    };
  });
}

/** The funnel counters by month, oldest first, each event's count and the average time to hire. */
function funnelMonths(counts: Record<string, number>) {
  const months = new Map<string, Record<string, number>>();
  for (const [key, n] of Object.entries(counts)) {
    const [event = '', month = ''] = key.split('|');
    months.set(month, { ...(months.get(month) ?? {}), [event]: n });
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({
    month,
    ...Object.fromEntries(FUNNEL_EVENTS.map((e) => [e, c[e] ?? 0])) as Record<(typeof FUNNEL_EVENTS)[number], number>,
    averageDaysToHire: c.hired ? Math.round(((c.hireDays ?? 0) / c.hired) * 10) / 10 : null,
  }));
}

/**
 * The department's numbers for the console's dashboards, from counters the writes keep
 * (storage/counters.ts): a fixed number of reads whatever the size of the company.
 */
export function dashboardRoutes() {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'getDashboard', tags: ['dashboard'],
      summary: 'Pending approvals by step and age, the probation pipeline, headcount by team and level, decisions by channel, the recruitment funnel and turnover (GM, HR, admin, CS manager; API keys with the `dashboard:read` scope)',
      middleware: [requires('dashboard:read')] as const,
      responses: { 200: json(Dashboard), ...problemResponses(401, 403) },
    }),
    async (c) => {
      // Company-wide totals: `dashboard:read` is held by the roles that see the whole
      // organisation and the CS manager (domain/auth/roles.ts), and by keys given that scope.
      authorize(c, 'dashboard:read');
      const { store, now, workflow } = c.get('deps');
      const lang = c.get('lang');
      const kinds = [...workflow.kinds.values()];
      const [pending, decisions, headcount, reviews, funnel, leavers, discipline, units, ...kindLabels] = await Promise.all([
        readCounts(store, 'approvals.pending'),
        readCounts(store, 'approvals.decisions'),
        readCounts(store, 'people.headcount'),
        readCounts(store, 'probation.reviews'),
        readCounts(store, 'recruitment.funnel'),
        readCounts(store, 'people.leavers'),
        readCounts(store, 'discipline.actions'),
        listOrgUnits(store),
        ...kinds.map((kind) => kind.stepLabels(workflow)),
      ]);
      // Each kind labels its own steps (from its current policy).
      const labels = new Map<string, string>(kinds.flatMap((kind, i) => [...kindLabels[i]!].map(([key, label]): [string, string] => [`${kind.kind}|${key}`, label[lang]])));
      const today = Date.parse(now().toISOString().slice(0, 10));
      const steps = new Map<string, z.infer<typeof Dashboard>['pendingApprovals'][number]>();
      for (const [key, count] of Object.entries(pending)) {
        const [requestKind = '', stepKey = '', day = ''] = key.split('|');
        const id = `${requestKind}|${stepKey}`;
        const row = steps.get(id) ?? { requestKind, stepKey, stepLabel: labels.get(id) ?? stepKey, total: 0, ages: { lt1d: 0, d1to3: 0, d3to7: 0, gt7d: 0 } };
        const days = Math.max(0, Math.round((today - Date.parse(day)) / 86_400_000));
        const bucket = AGE_BUCKETS.find((b) => days < b.maxDays) ?? AGE_BUCKETS[3];
        row.ages[bucket.key] += count;
        row.total += count;
        steps.set(id, row);
      }
      const teamNames = new Map(units.map((u) => [u.id, u.name]));
      return c.json({
        pendingApprovals: [...steps.values()],
        probation: reviews,
        headcount: Object.entries(headcount).map(([key, count]) => {
          const [teamId = '-', level = '', status = ''] = key.split('|');
          return { teamId: teamId === '-' ? null : teamId, teamName: teamId === '-' ? null : teamNames.get(teamId) ?? null, level, status, count };
        }),
        decisions: Object.entries(decisions).map(([key, count]) => {
          const [channel = '', month = ''] = key.split('|');
          return { month, channel, count };
        }).sort((a, b) => a.month.localeCompare(b.month) || a.channel.localeCompare(b.channel)),
        recruitment: funnelMonths(funnel),
        turnover: turnoverMonths(leavers, Object.entries(headcount).reduce((sum, [key, n]) => sum + (key.endsWith('|terminated') ? 0 : n), 0)),
        discipline: Object.entries(discipline).map(([key, count]) => {
          const [level = '', teamId = '-', month = ''] = key.split('|');
          return { month, level, teamId: teamId === '-' ? null : teamId, teamName: teamId === '-' ? null : teamNames.get(teamId) ?? null, count };
        }).sort((a, b) => a.month.localeCompare(b.month) || a.level.localeCompare(b.level)),
      }, 200);
    },
  );
  return app;
}
