import { Chip } from '@mui/material';
import { Datagrid, FunctionField, TextField, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { DuplicateChip } from './CandidateBoard';
import { STAGE_COLOURS } from './candidateStages';
import type { Candidate } from './types';

/** The opening's candidates as a sheet: contact, source, stage, the duplicate flag and when each was added; a row opens the candidate. */
export const CandidateSheet = () => {
  const translate = useTranslate();
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="candidate-sheet" sx={{ overflowX: 'auto' }}>
      <TextField source="name" label="resources.candidates.fields.name" sortable={false} />
      <TextField source="phone" label="resources.candidates.fields.phone" sortable={false} emptyText="—" />
      <TextField source="email" label="resources.candidates.fields.email" sortable={false} emptyText="—" />
      <TextField source="sourceLabel" label="resources.candidates.fields.source" sortable={false} />
      <FunctionField<Candidate>
        source="stage"
        label="resources.candidates.fields.stage"
        sortable={false}
        render={(c) => <Chip size="small" color={STAGE_COLOURS[c.stage]} label={translate(`resources.candidates.choices.stage.${c.stage}`)} />}
      />
      <FunctionField<Candidate> source="duplicateOf" label="resources.candidates.fields.duplicate" sortable={false} render={(c) => <DuplicateChip candidate={c} />} />
      <LocaleDateField source="createdAt" label="resources.candidates.fields.createdAt" showTime sortable={false} />
    </Datagrid>
  );
};
