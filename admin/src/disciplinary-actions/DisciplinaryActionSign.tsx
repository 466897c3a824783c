import { Alert, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { Section } from '../components/Section';
import { useDateTime } from '../components/useDateTime';
import { padFor, signingWords } from './actions';
import { RefuseButton } from './DisciplinaryActionDialogs';
import { fieldError } from './serverErrors';
import { SignaturePad } from './SignaturePad';
import type { DisciplinaryAction } from './types';
import { useActionDataProvider, useShowAction } from './useActionVerb';

const key = (path: string) => `resources.disciplinary-actions.${path}`;

/**
 * 签收 (the employee) or 见证签字 (a named witness of a refusal), as the API's `can` says: the
 * notice's own words that signing is receipt, not agreement, then the signature pad; for the
 * employee, 拒签 beside it. The server's refusal of the image is shown under the pad.
 */
export const DisciplinaryActionSign = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const dataProvider = useActionDataProvider();
  const notify = useNotify();
  const show = useShowAction();
  const when = useDateTime();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const mode = padFor(record);
  if (!mode) return null;

  const confirm = async (signature: string) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const id = String(record.id);
      const { data } = mode === 'acknowledge'
        ? await dataProvider.acknowledgeDisciplinaryAction(id, signature)
        : await dataProvider.witnessDisciplinaryAction(id, signature);
      show(data);
      notify(key(`sign.${mode}_done`), { type: 'success' });
    } catch (e) {
      setError(fieldError(e, 'signature'));
      notify((e as HttpError).message, { type: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  const words = signingWords(record) ?? translate(key('sign.receipt'));
  return (
    <Section title={translate(key(`sign.${mode}_title`))} id="sign">
      <Stack spacing={1.5} data-testid="discipline-sign">
        {mode === 'witness' && record.refusal && (
          <Typography variant="body2">
            {translate(key('sign.witness_explain'), { name: record.employeeName, time: when(record.refusal.at), reason: record.refusal.reason })}
          </Typography>
        )}
        <Alert severity="info" data-testid="signing-words">
          {words}
        </Alert>
        <SignaturePad id={mode} onConfirm={confirm} submitting={submitting} error={error} />
        {mode === 'acknowledge' && record.can?.refuse && <RefuseButton record={record} disabled={submitting} />}
      </Stack>
    </Section>
  );
};
