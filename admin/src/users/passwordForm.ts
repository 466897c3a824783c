/** The new-password inputs' checks in the browser (the API checks again, and the common-password list). */
export interface NewPasswordValues {
  newPassword?: string;
  confirmPassword?: string;
}

/** react-admin form-level validation: the two new passwords must match. */
export function validateNewPassword(values: NewPasswordValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.newPassword && values.confirmPassword !== values.newPassword) errors.confirmPassword = 'resources.users.mismatch';
  return errors;
}
