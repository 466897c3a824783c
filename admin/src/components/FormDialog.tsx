import { Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { Form, useTranslate } from 'react-admin';

/**
 * A verb's form in a dialog (加签, 抄送): full screen on a phone, cancel and the verb's button
 * at the bottom. `onSubmit` returns the server's field errors for the inputs (useFormVerb).
 */
export const FormDialog = ({
  id,
  open,
  onClose,
  title,
  submitLabel,
  submitting,
  onSubmit,
  defaultValues,
  noValidate,
  children,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  submitLabel: string;
  submitting: boolean;
  // react-admin's Form takes any values; each dialog knows its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  onSubmit: (values: any) => Promise<Record<string, unknown> | undefined>;
  defaultValues?: Record<string, unknown>;
  /** The console's rules alone say what is wrong (the browser's own bubbles are in English and cover the hints). */
  noValidate?: boolean;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Dialog open={open} onClose={submitting ? undefined : onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby={`${id}-title`}>
      <Form onSubmit={onSubmit} defaultValues={defaultValues} noValidate={noValidate}>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={submitting}>
            {translate(submitLabel)}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
