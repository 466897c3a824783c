import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, useTranslate } from 'react-admin';

// The bar keeps react-admin's toolbar (language menu, theme, refresh) and puts the system's
// name before the page title.
const ConsoleAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar>
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" />
    </AppBar>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return <RaLayout appBar={ConsoleAppBar}>{children}</RaLayout>;
};
