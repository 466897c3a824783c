import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu, useTranslate } from 'react-admin';
import { DelegationMenuItem } from '../delegation/DelegationMenuItem';

// The bar keeps react-admin's toolbar (language menu, theme, refresh) and puts the system's
// name before the page title. On a phone the name gives way to the page title, and the
// buttons keep to one line, so the bar keeps its height and covers nothing. The user menu
// leads to 我的代理 (out of office) before signing out.
const ConsoleAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }} userMenu={<ConsoleUserMenu />}>
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" />
    </AppBar>
  );
};

const ConsoleUserMenu = () => (
  <UserMenu>
    <DelegationMenuItem />
    <Logout />
  </UserMenu>
);

export const Layout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return <RaLayout appBar={ConsoleAppBar}>{children}</RaLayout>;
};
