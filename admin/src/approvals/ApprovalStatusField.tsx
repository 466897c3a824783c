import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { statusKey, type ApprovalStatus, type ApprovalTask } from './types';

const COLORS: Record<ApprovalStatus, ChipProps['color']> = {
  pending: 'warning',
  waiting: 'default',
  approved: 'success',
  rejected: 'error',
  returned: 'secondary',
  cancelled: 'default',
  transferred: 'info',
  cc: 'info',
};

/** 待处理 / 等待中 / 已同意 …, and why an open task came to me (escalated, transferred, 加签, 代理). */
export const ApprovalStatusField = ({ record: given }: { record?: ApprovalTask; label?: string }) => {
  const record = useRecordContext<ApprovalTask>({ record: given });
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Chip size="small" color={COLORS[record.status]} label={translate(statusKey(record))} />
      {(record.status === 'pending' || record.status === 'waiting') && record.reason !== 'assigned' && (
        <Chip size="small" variant="outlined" sx={{ ml: 0.5 }} label={translate(`resources.approvals.choices.reason.${record.reason}`)} />
      )}
    </>
  );
};
