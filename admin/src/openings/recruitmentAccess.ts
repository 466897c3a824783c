/**
 * Who acts on openings and candidates in the console: HR and administrators (the API's
 * `recruitment:manage`). Others who may read them (the requester, the requisition's approvers)
 * see the same pages without the buttons; the API has the last word.
 */
export function canManageRecruitment(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => role === 'hr' || role === 'admin');
}
