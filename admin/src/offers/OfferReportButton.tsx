import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, CheckboxGroupInput, DateInput, ReferenceInput, TextInput, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { companyToday } from '../requisitions/requisitionForm';
import { reportBody, reportDocumentChoices } from './offerForm';
import type { Offer } from './types';

const INPUTS = ['reportedOn', 'documentsSeen', 'mentorId', 'superiorId', 'employeeNo'];
const validateDate = required();

/**
 * 办理报到 (POLICIES.md §2 step 6; 001 第二篇): the report date (today by default), the three
 * documents seen — all needed: the API's 422 shows under them — a mentor (000: a senior
 * colleague), optionally the direct superior and the employee number. Recorded, the new
 * employee's file opens, where the onboarding checklist already waits.
 */
export const OfferReportButton = ({ offer }: { offer: Offer }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const today = companyToday();
  const { submit, submitting } = useFormVerb(async (values: Record<string, unknown>) => {
    const { data } = await dataProvider.reportOffer(offer.id, reportBody(values));
    notify('resources.offers.report.done', { type: 'success' });
    setOpen(false);
    redirect('show', 'employees', data.employeeId);
  }, INPUTS);
  const lastDay = offer.reportBy < today ? offer.reportBy : today;
  return (
    <>
      <Button variant="contained" startIcon={<HowToRegIcon />} onClick={() => setOpen(true)} data-testid="offer-report">
        {translate('resources.offers.report.action')}
      </Button>
      <FormDialog
        id="offer-report"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.offers.report.title', { name: offer.candidateName })}
        submitLabel="resources.offers.report.submit"
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ reportedOn: lastDay, documentsSeen: [] }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('resources.offers.report.intro', { months: offer.probationMonths })}
        </Typography>
        <DateInput
          source="reportedOn"
          label="resources.offers.report.reportedOn"
          validate={validateDate}
          helperText={translate('resources.offers.report.reportedOn_hint', { reportBy: offer.reportBy })}
          slotProps={{ htmlInput: { max: lastDay } }}
        />
        <CheckboxGroupInput source="documentsSeen" label="resources.offers.report.documentsSeen" choices={reportDocumentChoices} />
        <ReferenceInput source="mentorId" reference="employees">
          <AutocompleteInput label="resources.offers.report.mentorId" helperText="resources.offers.report.mentor_hint" />
        </ReferenceInput>
        <ReferenceInput source="superiorId" reference="employees">
          <AutocompleteInput label="resources.offers.report.superiorId" helperText="resources.offers.report.superior_hint" />
        </ReferenceInput>
        <TextInput source="employeeNo" label="resources.offers.report.employeeNo" helperText="resources.offers.report.employeeNo_hint" />
      </FormDialog>
    </>
  );
};
