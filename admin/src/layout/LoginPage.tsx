import { Box, Link, Typography } from '@mui/material';
import {
  email,
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useDocumentLanguage } from './useDocumentLanguage';

const validateEmail = [required(), email()];
const validatePassword = required();

/**
 * react-admin's login page, asking for an email (the API signs in by email) instead of the
 * default "username", with the language menu so the page can be read before signing in, and
 * 忘记密码 (a reset mail, users/ForgotPasswordPage.tsx).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  useDocumentLanguage();
  // The page's main landmark (react-admin's Login is a plain div); the system's name is its h1.
  return (
    <Box component="main">
      <Login>
        <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
          {translate('app.title')}
        </Typography>
        <LoginForm>
          <TextInput
            autoFocus
            source="email"
            type="email"
            label="ra.auth.email"
            autoComplete="username"
            validate={validateEmail}
          />
          <PasswordInput
            source="password"
            label="ra.auth.password"
            autoComplete="current-password"
            validate={validatePassword}
          />
        </LoginForm>
        <Typography align="center" variant="body2">
          <Link href="#/forgot-password" data-link="forgot-password">{translate('resources.users.forgot.link')}</Link>
        </Typography>
        <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
          <LocalesMenuButton />
        </Box>
      </Login>
    </Box>
  );
};
