import { Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { PasswordInput, required, useAuthProvider, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { validateNewPassword, type NewPasswordValues } from './passwordForm';

const validateRequired = required();

/**
 * 修改密码: the current password and the new one twice. The API names the field of a refusal
 * (a wrong current password, a common new one), which shows under it; on success the other
 * sessions end and this one carries on (the answer's cookie), and the demo prompt goes away.
 */
export const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const authProvider = useAuthProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { submit, submitting } = useFormVerb(async (values: NewPasswordValues & { currentPassword?: string }) => {
    const errors = validateNewPassword(values);
    if (errors.confirmPassword) throw { message: translate(errors.confirmPassword), body: { errors: { confirmPassword: translate(errors.confirmPassword) } } };
    await dataProvider.changeOwnPassword({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
    authProvider?.forgetIdentity?.();
    await queryClient.invalidateQueries({ queryKey: ['auth', 'getIdentity'] });
    notify('resources.users.change_password.done', { type: 'success' });
    onClose();
  }, ['currentPassword', 'newPassword', 'confirmPassword']);
  return (
    <FormDialog
      id="change-password"
      open={open}
      onClose={onClose}
      title={translate('resources.users.change_password.title')}
      submitLabel="resources.users.change_password.submit"
      submitting={submitting}
      onSubmit={submit}
      defaultValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.users.change_password.intro')}
      </Typography>
      <PasswordInput source="currentPassword" label="resources.users.fields.currentPassword" autoComplete="current-password" validate={validateRequired} fullWidth />
      <PasswordInput source="newPassword" label="resources.users.fields.newPassword" autoComplete="new-password" validate={validateRequired} helperText="resources.users.password_hint" fullWidth />
      <PasswordInput source="confirmPassword" label="resources.users.fields.confirmPassword" autoComplete="new-password" validate={validateRequired} fullWidth />
    </FormDialog>
  );
};
