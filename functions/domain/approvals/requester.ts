/**
 * Who acts for the requester of a request — withdraws it (撤回), reminds its approvers (催办):
 * the person who started it; a request the system started (a scheduled probation review) has
 * no such person, so HR acts for it.
 */
export function actsForRequester(requesterId: string | null, actor: { id: string; roles: readonly string[] }): boolean {
  return requesterId === null ? actor.roles.includes('hr') : requesterId === actor.id;
}
