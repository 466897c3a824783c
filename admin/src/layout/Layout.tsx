import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, useTranslate } from 'react-admin';

// The bar keeps react-admin's toolbar (language menu, theme, refresh) and puts the system's
// name before the page title. On a phone the name gives way to the page title, and the
// buttons keep to one line, so the bar keeps its height and covers nothing.
const ConsoleAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}>
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
