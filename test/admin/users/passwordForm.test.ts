import { describe, expect, it } from 'vitest';
import { validateNewPassword } from '../../../admin/src/users/passwordForm.js';

describe('the new-password inputs', () => {
  it('ask for the same new password twice before anything is sent', () => {
    expect(validateNewPassword({ newPassword: 'my-own-secret-42', confirmPassword: 'my-own-secret-24' })).toEqual({ confirmPassword: 'resources.users.mismatch' });
    expect(validateNewPassword({ newPassword: 'my-own-secret-42', confirmPassword: 'my-own-secret-42' })).toEqual({});
  });
});
