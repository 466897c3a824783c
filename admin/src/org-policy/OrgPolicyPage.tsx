import { Typography } from '@mui/material';
import { CheckboxGroupInput, FormDataConsumer, NumberInput, useTranslate } from 'react-admin';
import { LEVELS, choiceKey } from '../employees/employeeChoices';
import { PolicyEditor } from '../components/PolicyEditor';
import { GroupErrors, useGapHelper, usePolicyForm } from '../components/PolicyFormContext';
import { PolicyTable } from '../components/PolicyTable';
import { Section } from '../components/Section';
import type { PolicyTableColumn, TableRow, TableShape } from '../sheet/policyTable';
import { MANAGER_EDITABLE_FIELDS, hasManagerFields, isOrgPolicyInput, toOrgForm, toOrgPolicy } from './orgPolicyForm';

/** Groups whose section shows their own errors; anything else is listed at the top. */
const GROUPS = ['values.levelBaseSalary', 'values.managerEditableFields', 'values.hireDateWindow'];

const SALARIES: TableShape = { kind: 'record', keys: LEVELS, keyField: 'level', valueField: 'baseSalary' };
const COLUMNS: PolicyTableColumn[] = [
  { field: 'level', type: 'choice', choices: LEVELS, choiceKey: (level) => choiceKey('level', level), label: 'resources.org-policy.fields.level', width: 180 },
  { field: 'baseSalary', type: 'money', editable: true, precision: 0, label: 'resources.org-policy.fields.baseSalary', width: 200 },
];
const managerChoices = MANAGER_EDITABLE_FIELDS.map((id) => ({ id, name: `resources.org-policy.choices.managerEditableFields.${id}` }));

/** 职级与薪资 (POLICIES.md §1): the base salary of each level, and what managers may change about their people. */
const OrgPolicyPage = () => (
  <PolicyEditor name="org" title="resources.org-policy.name" isInput={isOrgPolicyInput} toSave={toOrgPolicy} toForm={toOrgForm} groups={GROUPS}>
    <SalaryTable />
    <FormDataConsumer<{ values?: Record<string, unknown> }>>{({ formData }) => (formData.values && hasManagerFields(formData.values) ? <ManagerFields /> : null)}</FormDataConsumer>
    <FormDataConsumer<{ values?: Record<string, unknown> }>>{({ formData }) => (formData.values && 'hireDateWindow' in formData.values ? <HireDateWindow /> : null)}</FormDataConsumer>
  </PolicyEditor>
);

const SalaryTable = () => {
  const translate = useTranslate();
  const levelName = (row: TableRow) => translate(choiceKey('level', row.id));
  return (
    <Section title={translate('resources.org-policy.sections.salary')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.org-policy.salary_hint')}
      </Typography>
      <PolicyTable source="values.levelBaseSalary" shape={SALARIES} columns={COLUMNS} resource="org-policy" rowLabel={levelName} testId="policy-table-salary" />
    </Section>
  );
};

/** Which employee details supervisors and CS managers may change for the people below them. */
const ManagerFields = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  const hint = translate('resources.org-policy.hints.managerEditableFields');
  const marker = gap('managerEditableFields', false);
  return (
    <Section title={translate('resources.org-policy.sections.managers')}>
      <CheckboxGroupInput
        source="values.managerEditableFields"
        label="resources.org-policy.fields.managerEditableFields"
        choices={managerChoices}
        readOnly={readOnly}
        helperText={marker ? <>{hint} · {marker}</> : hint}
      />
      <GroupErrors group="values.managerEditableFields" />
    </Section>
  );
};

/** 入职日期的合理范围 (a gap): how far back and ahead a hire date may be. */
const HireDateWindow = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  const marker = gap('hireDateWindow', false);
  return (
    <Section title={translate('resources.org-policy.sections.hire_dates')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.org-policy.hire_dates_hint')}
        {marker ? <> · {marker}</> : null}
      </Typography>
      <NumberInput source="values.hireDateWindow.pastYears" label="resources.org-policy.fields.pastYears" min={1} max={80} step={1} readOnly={readOnly} />
      <NumberInput source="values.hireDateWindow.futureDays" label="resources.org-policy.fields.futureDays" min={0} max={730} step={1} readOnly={readOnly} />
      <GroupErrors group="values.hireDateWindow" />
    </Section>
  );
};

export default OrgPolicyPage;
