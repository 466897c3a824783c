import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Typography } from '@mui/material';
import { Link, Title, useTranslate } from 'react-admin';

/**
 * A page that does not exist, in the console's words. (react-admin's own adds an English full
 * stop after the message: "…已失效。.")
 */
export const NotFoundPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 8 }} role="alert">
      <Title title={translate('ra.page.not_found')} />
      <SearchOffIcon sx={{ fontSize: 64 }} color="disabled" />
      <Typography variant="h5" component="h2" sx={{ mt: 2 }}>{translate('ra.page.not_found')}</Typography>
      <Typography sx={{ mt: 1 }} color="text.secondary">{translate('ra.message.not_found')}</Typography>
      <Button component={Link} to="/" variant="contained" sx={{ mt: 3 }}>{translate('app.go_home')}</Button>
    </Box>
  );
};
