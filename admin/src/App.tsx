import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import employees from './employees';
import { i18nProvider } from './i18n';
import { AppTitle } from './layout/AppTitle';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { authProvider, dataProvider, store } from './providers';

/**
 * The console's table of contents: every resource it shows. Resources without views are
 * only looked up by others (org-units for team choices, audit for the history tabs).
 */
export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    // An HR system does not phone home to the framework vendor.
    disableTelemetry
  >
    <Resource name="employees" {...employees} />
    <Resource name="org-units" />
    <Resource name="audit" />
  </Admin>
);
