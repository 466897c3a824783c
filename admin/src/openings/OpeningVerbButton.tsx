import { useState } from 'react';
import { Button, RecordContextProvider, TextInput, maxLength, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Opening, OpeningVerb } from './types';

const REASON_MAX = 500;
// Validators are made once: react-admin re-registers an input whose validate changes on each render.
const validateReason = [required(), maxLength(REASON_MAX)];

/**
 * 暂停 / 恢复 / 取消招聘: HR's verb with its required reason, in a dialog; the requester is told by
 * the API. A blank reason is refused here (the API takes any text, blank too).
 */
export const OpeningVerbButton = ({ opening, verb, onDone }: { opening: Opening; verb: OpeningVerb; onDone: (o: Opening) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const key = (k: string) => `resources.openings.verbs.${verb}.${k}`;
  const { submit, submitting } = useFormVerb<{ reason: string }>(async ({ reason }) => {
    const { data } = await dataProvider.changeOpening(opening.id, verb, reason.trim());
    notify(key('done'), { type: 'success' });
    setOpen(false);
    onDone(data);
    refresh();
  }, ['reason']);
  return (
    <>
      <Button label={key('action')} onClick={() => setOpen(true)} color={verb === 'cancel' ? 'error' : 'primary'} variant="outlined" data-testid={`opening-${verb}`} />
      {/* The form is the opening's: not the page's requisition, whose own `reason` would fill it. */}
      <RecordContextProvider value={opening}>
        <FormDialog id={`opening-${verb}`} open={open} onClose={() => setOpen(false)} title={translate(key('title'))} submitLabel={key('action')} submitting={submitting} onSubmit={(values: { reason?: string }) => (values.reason?.trim() ? submit({ reason: values.reason }) : Promise.resolve({ reason: 'ra.validation.required' }))}>
          <p>{translate(key('content'))}</p>
          <TextInput
            source="reason"
            label="resources.openings.reason"
            helperText="resources.openings.reason_hint"
            validate={validateReason}
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
          />
        </FormDialog>
      </RecordContextProvider>
    </>
  );
};
