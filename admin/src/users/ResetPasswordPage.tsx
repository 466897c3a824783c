import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, reactRouterProvider, required, useDataProvider, useTranslate } from 'react-admin';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { AccountPageFrame } from './AccountPageFrame';
import { validateNewPassword, type NewPasswordValues } from './passwordForm';

const validateRequired = required();
const { useParams } = reactRouterProvider;

/**
 * The page of a mailed reset link (`#/reset-password/<token>`, no sign-in). The token is in the
 * URL's fragment, which browsers never send: it reaches no server log and no Referer, and a
 * mail scanner that opens the link only loads the console. Only the form's submit uses it.
 */
const ResetPasswordPage = () => {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [done, setDone] = useState(false);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const { submit, submitting } = useFormVerb(async (values: NewPasswordValues) => {
    const errors = validateNewPassword(values);
    if (errors.confirmPassword) throw { message: translate(errors.confirmPassword), body: { errors: { confirmPassword: translate(errors.confirmPassword) } } };
    try {
      await dataProvider.confirmPasswordReset(token, values.newPassword ?? '');
      setDone(true);
    } catch (error) {
      // A used, expired or unknown link: no form can help, say so and offer a new mail.
      const status = (error as { status?: number }).status;
      if (status === 404 || status === 410) setLinkProblem((error as Error).message);
      throw error;
    }
  }, ['newPassword', 'confirmPassword']);
  return (
    <AccountPageFrame title="resources.users.reset.title">
      {done ? (
        <Alert severity="success" data-result="password-set">
          {translate('resources.users.reset.done')}
        </Alert>
      ) : linkProblem ? (
        <Alert severity="error" data-result="link-problem">
          {linkProblem} <Link href="#/forgot-password">{translate('resources.users.reset.again')}</Link>
        </Alert>
      ) : (
        <Form onSubmit={submit} defaultValues={{ newPassword: '', confirmPassword: '' }}>
          <Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('resources.users.reset.intro')}
            </Typography>
            <PasswordInput source="newPassword" label="resources.users.fields.newPassword" autoComplete="new-password" validate={validateRequired} helperText="resources.users.password_hint" autoFocus fullWidth />
            <PasswordInput source="confirmPassword" label="resources.users.fields.confirmPassword" autoComplete="new-password" validate={validateRequired} fullWidth />
            <Button type="submit" variant="contained" disabled={submitting}>
              {translate('resources.users.reset.submit')}
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

export default ResetPasswordPage;
