import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, Confirm, HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Requisition } from './types';

/** 撤回: the requester takes their requisition back while it is being approved; shown only when the server says they may (`can.withdraw`). */
export const WithdrawRequisitionButton = ({ requisition }: { requisition: Requisition }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!requisition.can?.withdraw) return null;

  async function withdraw() {
    setBusy(true);
    try {
      await dataProvider.withdrawRequisition(String(requisition.id));
      notify('resources.requisitions.withdraw.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setOpen(false);
      setBusy(false);
    }
  }

  return (
    <>
      <Button label="resources.requisitions.withdraw.action" onClick={() => setOpen(true)} color="warning" data-testid="withdraw-requisition">
        <UndoIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.requisitions.withdraw.title"
        content="resources.requisitions.withdraw.content"
        confirm="resources.requisitions.withdraw.confirm"
        confirmColor="warning"
        onConfirm={withdraw}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
