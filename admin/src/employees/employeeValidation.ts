import { email, maxLength, regex, required } from 'react-admin';

// The same rules as the API's request schema, so most mistakes are caught before a round trip.
// Mainland mobiles (138 0013 8000), landlines with area code (010-6552 9988) and
// international numbers (+852 …): digits with an optional +, spaces and dashes.
// The API's rule (functions/domain/people/phone.ts): a mainland mobile, a landline with area code, or +CC.
const isPhone = (raw: string) => {
  const s = raw.trim().replace(/[\s-]/g, '');
  return /^(\+?86)?1[3-9]\d{9}$/.test(s) || /^(\+?86)?0\d{2,3}\d{7,8}$/.test(s) || /^\+(?!86)\d{7,15}$/.test(s);
};
const EMPLOYEE_NO = /^[A-Za-z0-9_-]+$/;

export const validateEmployeeNo = [required(), maxLength(32), regex(EMPLOYEE_NO, 'app.validation.employee_no')];
export const validateName = [required(), maxLength(50)];
export const validateEmail = [required(), email(), maxLength(254)];
export const validatePhone = [required(), (value: unknown) => (typeof value === 'string' && value.trim() && !isPhone(value) ? 'app.validation.phone' : undefined)];
export const validateRequired = required();

// Input-level, not a form-level validate: react-admin ignores every input's validators once
// the form has one.
/** Everyone reports to someone, except the GM at the top (POLICIES.md §1). */
export function superiorUnlessGm(value: unknown, values: Record<string, unknown>): string | undefined {
  return (value === null || value === undefined || value === '') && values.post !== 'gm' ? 'ra.validation.required' : undefined;
}
// react-admin marks an input required (the asterisk) by this flag on its validator: everyone but the GM needs one.
superiorUnlessGm.isRequired = true;

/** Probation ends after the hire date (YYYY-MM-DD strings sort as dates). */
export function probationAfterHire(value: unknown, values: Record<string, unknown>): string | undefined {
  const { hireDate } = values;
  if (typeof value === 'string' && value && typeof hireDate === 'string' && hireDate && value <= hireDate) {
    return 'app.validation.probation_before_hire';
  }
  return undefined;
}
