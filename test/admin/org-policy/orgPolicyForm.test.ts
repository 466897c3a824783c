import { describe, expect, it } from 'vitest';
import { hasManagerFields, isOrgPolicyInput, toOrgForm, toOrgPolicy } from '../../../admin/src/org-policy/orgPolicyForm.js';

/** 职级与薪资 (POLICIES.md §1): the base salaries and which details managers may change. */
const salaries = { trainee: 1800, junior: 2200, mid: 2500, senior: 3000, reserve_supervisor: 4000 };

describe('the org policy form (职级与薪资)', () => {
  it('sends salaries as numbers, an emptied one as null for the API to name', () => {
    expect(toOrgPolicy({ levelBaseSalary: { ...salaries, mid: '2600', senior: '' } })).toEqual({ levelBaseSalary: { ...salaries, mid: 2600, senior: null } });
  });

  it('leaves the manager fields out when the API does not know them (an older API refuses the key)', () => {
    const form = toOrgForm({ levelBaseSalary: salaries }, { levelBaseSalary: salaries });
    expect(hasManagerFields(form)).toBe(false);
    expect(toOrgPolicy(form)).not.toHaveProperty('managerEditableFields');
  });

  it('starts a version saved before the manager fields from their default, and sends them back', () => {
    const form = toOrgForm({ levelBaseSalary: salaries }, { levelBaseSalary: salaries, managerEditableFields: ['teamId', 'superiorId', 'phone'] });
    expect(form.managerEditableFields).toEqual(['teamId', 'superiorId', 'phone']);
    expect(toOrgPolicy(form).managerEditableFields).toEqual(['teamId', 'superiorId', 'phone']);
  });

  it('keeps the stored choice over the default, and sends the ticked boxes in the fixed order (班组, 直属上级, 联系电话, 邮箱)', () => {
    const form = toOrgForm({ levelBaseSalary: salaries, managerEditableFields: ['phone'] }, { levelBaseSalary: salaries, managerEditableFields: ['teamId', 'superiorId', 'phone'] });
    expect(form.managerEditableFields).toEqual(['phone']);
    expect(toOrgPolicy({ ...form, managerEditableFields: ['email', 'phone', 'teamId'] }).managerEditableFields).toEqual(['teamId', 'phone', 'email']);
  });

  it('every box unticked is an empty list (HR owns every detail), not a missing one', () => {
    expect(toOrgPolicy({ levelBaseSalary: salaries, managerEditableFields: [] }).managerEditableFields).toEqual([]);
    expect(toOrgPolicy({ levelBaseSalary: salaries, managerEditableFields: null }).managerEditableFields).toEqual([]);
  });

  it('puts errors about the checkbox group under it; a salary’s go on its grid cell', () => {
    expect(isOrgPolicyInput('values.managerEditableFields')).toBe(true);
    expect(isOrgPolicyInput('values.levelBaseSalary.mid')).toBe(false);
  });
});
