import { NotFoundPage } from './layout/NotFoundPage';
import { lazy } from 'react';
import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import approvals from './approvals';
import approvalsPolicy from './approvals-policy';
import delegation from './delegation';
import employees from './employees';
import { i18nProvider } from './i18n';
import { AppTitle } from './layout/AppTitle';
import { DASHBOARD_PATH } from './layout/ConsoleMenu';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { lightTheme } from './layout/theme';
import orgPolicy from './org-policy';
import probationPolicy from './probation-policy';
import probationReviews from './probation-reviews';
import recruitmentPolicy from './recruitment-policy';
import offboardingPolicy from './offboarding-policy';
import disciplinePolicy from './discipline-policy';
import resignations from './resignations';
import requests from './requests';
import requisitions from './requisitions';
import candidates from './candidates';
import interviews from './interviews';
import offers from './offers';
import onboardingChecklists from './onboarding-checklists';
import offboardings from './offboardings';
import disciplinaryActions from './disciplinary-actions';
import webhooks from './webhooks';
import users from './users';
import { authProvider, dataProvider, store } from './providers';

const { Route } = reactRouterProvider;
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const EmployeeImportPage = lazy(() => import('./import-export/EmployeeImportPage'));
const ProbationReviewPrint = lazy(() => import('./probation-reviews/ProbationReviewPrint'));
const DisciplinaryActionPrint = lazy(() => import('./disciplinary-actions/DisciplinaryActionPrint'));
const ForgotPasswordPage = lazy(() => import('./users/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./users/ResetPasswordPage'));

/**
 * The console's table of contents: every resource it shows, in menu order (待我审批 first:
 * it is the daily work and the page everyone lands on — with no `dashboard`, react-admin opens
 * the first resource's list; 数据看板 is its own page and menu item, layout/ConsoleMenu.tsx;
 * 申请离职 (everyone's own resignation) and 我的代理, also in the user menu, together; 账号 last, for those who read accounts). Resources without views are only looked up by others
 * (org-units for team choices, audit for the history, user-directory for the people pickers).
 */
export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    lightTheme={lightTheme}
    loginPage={LoginPage}
    catchAll={NotFoundPage}
    requireAuth
    // An HR system does not phone home to the framework vendor.
    disableTelemetry
  >
    <Resource name="approvals" {...approvals} />
    <Resource name="requests" {...requests} />
    <Resource name="probation-reviews" {...probationReviews}>
      <Route path=":id/print" element={<ProbationReviewPrint />} />
    </Resource>
    <Resource name="requisitions" {...requisitions} />
    <Resource name="candidates" {...candidates} />
    <Resource name="interviews" {...interviews} />
    <Resource name="offers" {...offers} />
    <Resource name="onboarding-checklists" {...onboardingChecklists} />
    <Resource name="offboardings" {...offboardings} />
    <Resource name="disciplinary-actions" {...disciplinaryActions}>
      <Route path=":id/print" element={<DisciplinaryActionPrint />} />
    </Resource>
    <Resource name="employees" {...employees}>
      <Route path="import" element={<EmployeeImportPage />} />
    </Resource>
    <Resource name="org-policy" {...orgPolicy} />
    <Resource name="probation-policy" {...probationPolicy} />
    <Resource name="approvals-policy" {...approvalsPolicy} />
    <Resource name="recruitment-policy" {...recruitmentPolicy} />
    <Resource name="offboarding-policy" {...offboardingPolicy} />
    <Resource name="discipline-policy" {...disciplinePolicy} />
    <Resource name="webhooks" {...webhooks} />
    <Resource name="resignations" {...resignations} />
    <Resource name="delegation" {...delegation} />
    <Resource name="users" {...users} />
    <Resource name="org-units" />
    <Resource name="openings" />
    <Resource name="audit" />
    <Resource name="user-directory" />
    <CustomRoutes>
      <Route path={DASHBOARD_PATH} element={<Dashboard />} />
    </CustomRoutes>
    {/* For people signed out: outside the layout, and shown without a session (#13 item 4). */}
    <CustomRoutes noLayout>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
    </CustomRoutes>
  </Admin>
);
