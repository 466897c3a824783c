import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, Confirm, HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { ProbationReview } from './types';

/**
 * 撤回: the requester (HR, for a review the system started) takes an open review back. The
 * button shows only to whom the server says may (`can.withdraw`).
 */
export const WithdrawReviewButton = ({ review }: { review: ProbationReview }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!review.can?.withdraw) return null;

  async function withdraw() {
    setBusy(true);
    try {
      await dataProvider.withdrawProbationReview(String(review.id));
      notify('resources.probation-reviews.withdraw.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      setOpen(false);
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button label="resources.probation-reviews.withdraw.action" onClick={() => setOpen(true)} color="warning" data-testid="withdraw-review">
        <UndoIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.probation-reviews.withdraw.title"
        content="resources.probation-reviews.withdraw.content"
        translateOptions={{ name: review.employeeName }}
        confirm="resources.probation-reviews.withdraw.confirm"
        confirmColor="warning"
        onConfirm={withdraw}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
