/**
 * The request kinds this product runs, one list. The composition roots (the Lambda handlers,
 * the local runtime, the tests) build their `WorkflowDeps.kinds` from it; the HTTP routes on
 * a request (`/api/v1/requests/{kind}/…`) accept exactly these names.
 */
import type { KindRegistry, RequestKind } from './kinds.js';
import { probationKind } from './kinds/probation.js';
import { requisitionKind } from './kinds/requisition.js';
import { hiringKind } from './kinds/hiring.js';
import { offerKind } from './kinds/offer.js';
import { resignationKind } from './kinds/resignation.js';
import { disciplineKind } from './kinds/discipline.js';
import { dismissalKind } from './kinds/dismissal.js';

export const REQUEST_KINDS: readonly RequestKind[] = [probationKind, requisitionKind, hiringKind, offerKind, resignationKind, disciplineKind, dismissalKind];

export function kindRegistry(extra: readonly RequestKind[] = []): KindRegistry {
  const map = new Map<string, RequestKind>();
  for (const kind of [...REQUEST_KINDS, ...extra]) {
    if (map.has(kind.kind)) throw new Error(`request kind ${kind.kind} is listed twice`);
    map.set(kind.kind, kind);
  }
  return map;
}
