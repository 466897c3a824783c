import type { AuthProvider } from 'react-admin';
import type { Http } from './http.js';

export type Role = 'agent' | 'team_lead' | 'supervisor' | 'cs_manager' | 'gm' | 'hr' | 'admin';
export const ROLES: readonly Role[] = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin'];

/** GET /users/me */
export interface Me {
  id: string;
  email: string;
  roles: Role[];
  employeeId: string | null;
  name: string;
  language: 'zh-CN' | 'en';
  /**
   * The employee fields this user may change on the people below them (HR, admin: all; those
   * with employees:arrange: the org policy's managerEditableFields). Absent from an older API.
   */
  editableEmployeeFields?: string[];
  /** The password is one others know (a demo login): the console asks for a new one. Absent from an older API. */
  mustChangePassword?: boolean;
}

/** Who may create and edit people records. The API enforces the same rule; this only hides buttons. */
export const PEOPLE_EDITORS: readonly Role[] = ['hr', 'admin'];

export function canEditPeople(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (PEOPLE_EDITORS as readonly string[]).includes(role));
}

/** Who may save a new version of a policy (the API's policies:write); others read it. */
export const POLICY_EDITORS: readonly Role[] = ['hr', 'admin'];

export function canEditPolicy(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (POLICY_EDITORS as readonly string[]).includes(role));
}

/** Who may start a probation review for someone in their scope, besides the employee (§3). */
export const REVIEW_STARTERS: readonly Role[] = ['team_lead', 'supervisor', 'cs_manager', 'hr', 'admin'];

export function canStartProbationReview(roles: readonly string[] | undefined, self: boolean): boolean {
  return self || !!roles?.some((role) => (REVIEW_STARTERS as readonly string[]).includes(role));
}

/**
 * Who sees the company-wide numbers of the dashboards (GET /dashboard): those who see the whole
 * organisation and the CS manager, who runs the department: the roles the API grants `dashboard:read`.
 */
export const DASHBOARD_VIEWERS: readonly Role[] = ['gm', 'hr', 'admin', 'cs_manager'];

export function canSeeDashboards(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (DASHBOARD_VIEWERS as readonly string[]).includes(role));
}

/** Who reads the accounts page (the API's users:read); only administrators act on accounts (users:write). */
export const ACCOUNT_READERS: readonly Role[] = ['gm', 'hr', 'admin'];

export function canManageAccounts(roles: readonly string[] | undefined): boolean {
  return !!roles?.includes('admin');
}

/** Who reads and raises 人才增补单 (the API's recruitment:read and recruitment:write, POLICIES.md §2). */
export const RECRUITERS: readonly Role[] = ['supervisor', 'cs_manager', 'gm', 'hr', 'admin'];

export function canRecruit(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (RECRUITERS as readonly string[]).includes(role));
}

/**
 * Who may raise a requisition: a recruiter with an employee record, since its chain is found
 * up from the requester (the API answers REQUISITION.REQUESTER_NOT_EMPLOYEE otherwise).
 */
export function canRaiseRequisition(me: Pick<Me, 'roles' | 'employeeId'>): boolean {
  return canRecruit(me.roles) && !!me.employeeId;
}

/** Who makes offers and records reports (录用通知, the API's recruitment:manage): HR and administrators. */
export function canManageRecruitment(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => role === 'hr' || role === 'admin');
}

/**
 * Who hands in a resignation for another employee (代为提交辞职) and runs offboarding: the roles
 * the API grants `offboarding:manage` (HR, administrators). Everyone has offboarding:read/write:
 * anyone with an employee record resigns for themselves.
 */
export const OFFBOARDING_MANAGERS: readonly Role[] = ['hr', 'admin'];

export function canManageOffboarding(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (OFFBOARDING_MANAGERS as readonly string[]).includes(role));
}

/**
 * Who reads the leavers' list (离职办理): HR and administrators (the API's offboarding:manage, all
 * of them) and the managers (their part of the organisation). Everyone reads a record the API lets
 * them see (the leaver, a receiver of a handover item), from a link.
 */
export const LEAVERS_LIST_READERS: readonly Role[] = ['team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin'];

export function canSeeLeavers(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((role) => (LEAVERS_LIST_READERS as readonly string[]).includes(role));
}

/** The policy pages: everyone reads them, HR and admins save them. */
const POLICY_RESOURCES = ['org-policy', 'probation-policy', 'approvals-policy', 'recruitment-policy', 'offboarding-policy', 'discipline-policy'];

/** Resources that are read (and acted on through their own verbs), never created or edited as records. */
const READ_ONLY_RESOURCES = ['approvals', 'probation-reviews'];

// react-admin asks for the identity, the permissions and access on nearly every screen;
// one /users/me answer serves them all for a short while.
const ME_TTL_MS = 30_000;

/**
 * Session-cookie authentication: the API sets an httpOnly cookie at login, so the console
 * never holds a token. "Am I signed in?" is answered by GET /users/me.
 */
/**
 * @param forgetEarlyReads drops reads started before sign-in (earlyReads.ts) when who is
 * signed in changes, so no one is shown rows read for someone else
 */
/** Whether the console shows a page for people signed out: 忘记密码, or a reset link's page. */
const onSignedOutPage = (hash: string) => /^#\/(forgot-password(\?|$)|reset-password\/)/.test(hash);

/**
 * @param currentHash where the console is (window.location.hash): a sign-out noticed while on
 * a page for people signed out leaves them there
 */
export function createAuthProvider(
  http: Http,
  forgetEarlyReads: () => void = () => undefined,
  currentHash: () => string = () => (globalThis as { location?: { hash: string } }).location?.hash ?? '',
): AuthProvider {
  let me: { promise: Promise<Me>; at: number } | undefined;

  // "Not signed in" is an answer too, kept like a signed-in one (#12 item 16): opening the
  // console signed out, react-admin checks the session for the app, logs out and checks again
  // on the login page; with the answer kept that is one 401 and no POST /auth/logout.
  const signedOut = (error: unknown) => {
    const promise = Promise.reject(error);
    promise.catch(() => undefined);
    me = { promise, at: Date.now() };
  };
  const isSignedOut = async () => me !== undefined && (await me.promise.then(() => false, (error: { status?: number }) => error?.status === 401));

  function getMe(): Promise<Me> {
    if (!me || Date.now() - me.at > ME_TTL_MS) {
      const promise = http<Me>('/users/me').then(({ json }) => json);
      me = { promise, at: Date.now() };
      promise.catch((error: { status?: number }) => {
        // A network error or a 5xx is asked again next time; a 401 is kept.
        if (me?.promise === promise && error?.status !== 401) me = undefined;
      });
    }
    return me.promise;
  }

  return {
    async login(params: { email?: string; username?: string; password: string }) {
      me = undefined;
      forgetEarlyReads();
      // A 401 or 429 rejects with the server's localized detail ("邮箱或密码错误"), which the
      // login form shows.
      await http('/auth/login', {
        method: 'POST',
        body: { email: params.email ?? params.username, password: params.password },
      });
    },

    async logout() {
      forgetEarlyReads();
      // The server already said there is no session: nothing to end.
      if (!(await isSignedOut())) {
        try {
          await http('/auth/logout', { method: 'POST' });
        } catch {
          // Already signed out (expired cookie) is fine: the goal state is reached.
        }
      }
      signedOut({ status: 401, message: false });
      // react-admin logs out when its session check fails, and then goes to the sign-in page.
      // That check may answer after someone has gone on to 忘记密码 (or opened a reset link):
      // sending them back to the sign-in page would throw away what they are doing there.
      return onSignedOutPage(currentHash()) ? false : undefined;
    },

    async checkAuth() {
      try {
        await getMe();
      } catch {
        // Not signed in is the normal state on first visit: go to the login page without
        // an error notification.
        throw { message: false };
      }
    },

    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        signedOut(error);
        throw error; // react-admin logs out and shows the login page
      }
      // 403 and the rest: stay signed in; the page shows the server's message.
    },

    async getIdentity() {
      const user = await getMe();
      return {
        id: user.id,
        fullName: user.name,
        email: user.email,
        roles: user.roles,
        employeeId: user.employeeId,
        language: user.language,
        ...(user.editableEmployeeFields ? { editableEmployeeFields: user.editableEmployeeFields } : {}),
        mustChangePassword: user.mustChangePassword === true,
      };
    },

    /** After 修改密码: the next identity is read afresh (the prompt goes away). */
    forgetIdentity() {
      me = undefined;
    },

    async getPermissions() {
      return (await getMe()).roles;
    },

    async canAccess({ action, resource }) {
      const writes = action === 'create' || action === 'edit' || action === 'delete';
      if (READ_ONLY_RESOURCES.includes(resource)) return !writes;
      // A policy page: everyone reads it, HR and admins save it.
      if (POLICY_RESOURCES.includes(resource)) return !writes || (action === 'edit' && canEditPolicy((await getMe()).roles));
      // 人才增补: read by the recruiters, raised by those with an employee record, never edited as a record.
      if (resource === 'requisitions') {
        if (action === 'edit' || action === 'delete') return false;
        const me = await getMe();
        return action === 'create' ? canRaiseRequisition(me) : canRecruit(me.roles);
      }
      // 辞职申请 (#15): 申请离职 (its "list": the form and one's own resignations) for anyone with an
      // employee record; handed in for someone else (create, 代为提交) by HR; its page is the API's to
      // allow (the leaver, their superiors, HR, the approvers); never edited as a record.
      if (resource === 'resignations') {
        if (action === 'edit' || action === 'delete') return false;
        if (action === 'list') return !!(await getMe()).employeeId;
        if (action === 'create') {
          const me = await getMe();
          return !!me.employeeId || canManageOffboarding(me.roles);
        }
        return true;
      }
      // 录用通知: HR's list (the API's recruitment:manage); an offer's page for the recruiters, whom the
      // API lets read the offers of candidates they see. Offers change through their verbs, never as records.
      if (resource === 'offers') {
        if (writes) return false;
        const { roles } = await getMe();
        return action === 'list' ? canManageRecruitment(roles) : canRecruit(roles);
      }
      // 入职清单: HR's list of every new hire's checklist (the API also lists a manager's own, not shown
      // in the console: they see the checklist on their people's files). Ticked there, never edited.
      if (resource === 'onboarding-checklists') return !writes && action !== 'show' && canManageRecruitment((await getMe()).roles);
      // 离职办理: the leavers' list for HR and the managers; a record's page for whoever the API shows
      // it to (receivers sign from a link). Changed through its verbs, never as a record.
      if (resource === 'offboardings') {
        if (writes) return false;
        return action === 'list' ? canSeeLeavers((await getMe()).roles) : true;
      }
      // 集成 / Webhooks (#13): the administrator's page (the API refuses everyone else too).
      if (resource === 'webhooks') return (await getMe()).roles.includes('admin');
      // 账号: a list for those who read accounts; changes are its row actions, never a form.
      if (resource === 'users') return !writes && (await getMe()).roles.some((role) => ACCOUNT_READERS.includes(role));
      if (resource !== 'employees') return true;
      if (action === 'delete') return false; // people leave through offboarding, never deletion
      if (action === 'create' || action === 'edit') return canEditPeople((await getMe()).roles);
      return true;
    },
  };
}
