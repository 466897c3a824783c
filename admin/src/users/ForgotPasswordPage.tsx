import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, TextInput, email, required, useDataProvider, useTranslate } from 'react-admin';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { AccountPageFrame } from './AccountPageFrame';

const validateEmail = [required(), email()];

/**
 * 忘记密码 (`#/forgot-password`, no sign-in): asks for the address and always says the same
 * thing after, as the API does, so the page tells no one who has an account.
 */
const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [sent, setSent] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { email?: string }) => {
    await dataProvider.requestPasswordReset(values.email ?? '');
    setSent(true);
  }, ['email']);
  return (
    <AccountPageFrame title="resources.users.forgot.title">
      {sent ? (
        <Alert severity="success" data-result="reset-sent">{translate('resources.users.forgot.sent')}</Alert>
      ) : (
        <Form onSubmit={submit} defaultValues={{ email: '' }}>
          <Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('resources.users.forgot.intro')}
            </Typography>
            <TextInput source="email" type="email" label="ra.auth.email" autoComplete="username" validate={validateEmail} autoFocus fullWidth />
            <Button type="submit" variant="contained" disabled={submitting}>
              {translate('resources.users.forgot.submit')}
            </Button>
          </Stack>
        </Form>
      )}
      <Typography align="center" sx={{ mt: 2 }}>
        <Link href="#/login">{translate('resources.users.forgot.back')}</Link>
      </Typography>
    </AccountPageFrame>
  );
};

export default ForgotPasswordPage;
