import { Box, Card, CardContent, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';

/** The frame of the pages for someone signed out (忘记密码, the reset page): the sign-in page's look. */
export const AccountPageFrame = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  useEffect(() => {
    document.title = `${translate(title)} · ${translate('app.title')}`;
  }, [translate, title]);
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', bgcolor: 'background.default', pt: { xs: 2, sm: 10 } }}>
      <Card sx={{ width: '100%', maxWidth: 420, mx: 2 }}>
        <CardContent>
          <Typography variant="subtitle1" align="center" color="text.secondary">
            {translate('app.title')}
          </Typography>
          <Typography variant="h6" component="h1" align="center" sx={{ mb: 2 }}>
            {translate(title)}
          </Typography>
          {children}
          <Box sx={{ display: 'flex', justifyContent: 'center', mt: 1 }}>
            <LocalesMenuButton />
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
