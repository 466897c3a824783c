import { Typography, createTheme, ThemeProvider, useTheme, type SxProps, type Theme } from '@mui/material';
import { enUS, zhCN } from '@mui/material/locale';
import { useMemo, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { DelegationMenuItem } from '../delegation/DelegationMenuItem';
import { ChangePasswordMenuItem } from '../users/ChangePasswordMenuItem';
import { MustChangePasswordPrompt } from '../users/MustChangePasswordPrompt';
import { ConsoleMenu } from './ConsoleMenu';
import { LanguageSaver } from './LanguageSaver';
import { useDocumentLanguage } from './useDocumentLanguage';

// The bar keeps react-admin's toolbar (language menu, theme, refresh) and puts the system's
// name before the page title. On a phone the name gives way to the page title, the language
// menu shows its icon only (its name stays readable to screen readers), and the buttons keep
// to one line, so the bar keeps its height and covers nothing. The user menu leads to 我的代理
// (out of office) and 修改密码 before signing out. The page title is the page's h1 (react-admin's portal is
// an h6 otherwise): one h1 per page, in the same place on every page.
const APP_BAR_SX: SxProps<Theme> = (theme) => ({
  '& .MuiButton-root': { whiteSpace: 'nowrap' },
  // A long page title ends with an ellipsis before the buttons, not under them.
  '& #react-admin-title': { minWidth: 0, mr: 1 },
  [theme.breakpoints.down('sm')]: {
    // react-admin's language button (its Ra class is not set in a production build).
    '& button[aria-controls="simple-menu"]': { fontSize: 0, minWidth: 0, px: 1 },
    '& button[aria-controls="simple-menu"] .MuiButton-startIcon': { mr: 0 },
  },
});

const ConsoleAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar sx={APP_BAR_SX} userMenu={<ConsoleUserMenu />}>
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" component="h1" />
    </AppBar>
  );
};

/**
 * The button shows the person's name; its accessible name starts with that name, so a voice
 * user can say what they see (WCAG 2.5.3), and still says what it opens (个人资料).
 */
const ConsoleUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const menu = translate('ra.auth.user_menu');
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName} · ${menu}` : menu}>
      <DelegationMenuItem />
      <ChangePasswordMenuItem />
      <Logout />
    </UserMenu>
  );
};

/** MUI's own words (pagination, autocomplete, dialogs) in the console's language. */
const LocalizedTheme = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const outer = useTheme();
  const theme = useMemo(() => createTheme(outer, locale === 'en' ? enUS : zhCN), [outer, locale]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};

export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return (
    <LocalizedTheme>
      <RaLayout appBar={ConsoleAppBar} menu={ConsoleMenu}>
        <LanguageSaver />
        <MustChangePasswordPrompt />
        {children}
      </RaLayout>
    </LocalizedTheme>
  );
};
