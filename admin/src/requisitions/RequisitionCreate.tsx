import { Alert, Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import { Create, DateInput, NumberInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, required, useGetList, useGetOne, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choiceKey, levelChoices } from '../employees/employeeChoices';
import type { Employee } from '../employees/types';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { ChainPreview } from '../requests/ChainPreview';
import { chainConditions, companyToday, salaryRangeOf, seesWholeOrganisation, teamChoices, type OrgUnitLike } from './requisitionForm';
import { REQUISITION_POSTS, REQUISITION_TEXT_MAX } from './types';

const postChoices = REQUISITION_POSTS.map((id) => ({ id, name: choiceKey('post', id) }));
const validateRequired = required();
const validateText = [required(), maxLength(REQUISITION_TEXT_MAX)];
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%', maxWidth: 900 } as const;

/** The org policy's ladder and the recruitment policy, as the form shows them (everyone reads policies). */
function usePolicies() {
  const recruitment = useConsoleQuery('policy:recruitment', (dp) => dp.getPolicy('recruitment')).data?.values as
    | { maxHeadcount?: number; salaryRangePercent?: number; chain?: Array<{ key: string; minHeadcount?: number }> }
    | undefined;
  const ladder = useConsoleQuery('policy:org', (dp) => dp.getPolicy('org')).data?.values.levelBaseSalary as Record<string, number> | undefined;
  return { recruitment, ladder };
}

/**
 * 发起人才增补 (POLICIES.md §2): post, team (the requester's own unit or one below it), headcount,
 * level (its salary range shown from the level ladder), wanted-by date, reason and requirements,
 * with the chain it would go through now. The API checks everything; its field errors show
 * under the inputs. Saved, the page of the new requisition opens.
 */
const RequisitionCreate = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  const employeeId = (identity?.employeeId as string | null | undefined) ?? null;
  return (
    <Create redirect="show">
      <SimpleForm toolbar={<CreateToolbar />} defaultValues={{ post: 'agent', level: 'trainee', headcount: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
          {translate('resources.requisitions.create.intro')}
        </Typography>
        {employeeId ? (
          <RequisitionInputs employeeId={employeeId} roles={(identity?.roles as string[] | undefined) ?? []} />
        ) : (
          <Alert severity="warning">{translate('resources.requisitions.create.no_employee')}</Alert>
        )}
      </SimpleForm>
    </Create>
  );
};

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="resources.requisitions.create.submit" />
  </Toolbar>
);

const RequisitionInputs = ({ employeeId, roles }: { employeeId: string; roles: readonly string[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { recruitment, ladder } = usePolicies();
  const { data: self } = useGetOne<Employee>('employees', { id: employeeId });
  const { data: units, isPending: unitsPending } = useGetList<OrgUnitLike & { id: string }>('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const wholeOrganisation = seesWholeOrganisation(roles);
  const teams = useMemo(() => teamChoices(units ?? [], self?.teamId, wholeOrganisation), [units, self?.teamId, wholeOrganisation]);
  const [level, headcount] = useWatch({ name: ['level', 'headcount'] }) as [unknown, unknown];
  const range = salaryRangeOf(level, ladder, recruitment?.salaryRangePercent);
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const conditions = chainConditions(recruitment?.chain ?? [], headcount);
  const stepNote = (key: string) => {
    const c = conditions.get(key);
    return c && translate(`resources.requisitions.conditions.${c.applies ? 'applies' : 'skipped'}`, { min: c.min });
  };
  const today = companyToday();
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={grid}>
        <SelectInput source="post" choices={postChoices} validate={validateRequired} />
        <SelectInput source="teamId" choices={teams} optionText="name" isPending={unitsPending} validate={validateRequired} />
        <NumberInput
          source="headcount"
          step={1}
          min={1}
          validate={validateRequired}
          helperText={recruitment?.maxHeadcount ? translate('resources.requisitions.create.headcount_hint', { max: recruitment.maxHeadcount }) : false}
        />
        <SelectInput
          source="level"
          choices={levelChoices}
          validate={validateRequired}
          helperText={
            <span data-testid="salary-range">
              {range
                ? translate('resources.requisitions.create.salary', { min: money.format(range.min), max: money.format(range.max), percent: recruitment?.salaryRangePercent })
                : translate('resources.requisitions.create.salary_unknown')}
            </span>
          }
        />
        <DateInput source="wantedBy" validate={validateRequired} helperText="resources.requisitions.create.wanted_by_hint" slotProps={{ htmlInput: { min: today } }} />
      </Box>
      <TextInput source="reason" multiline minRows={2} validate={validateText} sx={{ maxWidth: 900 }} helperText={<TextCounter source="reason" />} />
      <TextInput source="requirements" multiline minRows={2} validate={validateText} sx={{ maxWidth: 900 }} helperText={<TextCounter source="requirements" />} />
      <Box sx={{ mt: 1, mb: 2, maxWidth: 900 }}>
        <ChainPreview kind="requisition" subjectEmployeeId={employeeId} stepNote={stepNote} />
      </Box>
    </Box>
  );
};

/** “12 / 2000 字” under a long text, in red when over. */
const TextCounter = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const text = useWatch({ name: source }) as string | undefined;
  const count = (text ?? '').length;
  return (
    <Typography component="span" variant="caption" color={count > REQUISITION_TEXT_MAX ? 'error' : 'text.secondary'}>
      {translate('resources.requisitions.create.text_counter', { count, max: REQUISITION_TEXT_MAX })}
    </Typography>
  );
};

export default RequisitionCreate;
