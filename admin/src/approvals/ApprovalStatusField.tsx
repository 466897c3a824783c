import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ApprovalStatus, ApprovalTask } from './types';

const COLORS: Record<ApprovalStatus, ChipProps['color']> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'error',
  returned: 'secondary',
  cancelled: 'default',
  transferred: 'info',
};

/** 待处理 / 已同意 / 已驳回 …, and why a pending task came to me (escalated, transferred). */
export const ApprovalStatusField = ({ record: given }: { record?: ApprovalTask; label?: string }) => {
  const record = useRecordContext<ApprovalTask>({ record: given });
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Chip size="small" color={COLORS[record.status]} label={translate(`resources.approvals.choices.status.${record.status}`)} />
      {record.status === 'pending' && record.reason !== 'assigned' && (
        <Chip size="small" variant="outlined" sx={{ ml: 0.5 }} label={translate(`resources.approvals.choices.reason.${record.reason}`)} />
      )}
    </>
  );
};
