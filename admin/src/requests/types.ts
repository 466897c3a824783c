/** GET /requests?startedBy=me: one request I started, as the API lists it (labels in my language). */
export interface StartedRequest {
  id: string;
  kind: string;
  title: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  /** Still running: it may be withdrawn or its approvers reminded. */
  open: boolean;
  currentStep: string | null;
  currentStepLabel: string | null;
  startedAt: string;
  updatedAt: string;
  /** The request's page, a hash route: `/#/probation-reviews/<id>/show`. */
  consolePath: string;
}

/** The console route of a request's page (the API gives the hash route). */
export function requestRoute(r: Pick<StartedRequest, 'consolePath'>): string {
  return r.consolePath.replace(/^\/?#/, '');
}
