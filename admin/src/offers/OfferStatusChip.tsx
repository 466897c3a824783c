import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { offerChoiceKey, offerStatusColor } from './offerForm';
import type { OfferStatus } from './types';

/** An offer's status as a chip, in the reader's language (the theme's colours read on white). */
export const OfferStatusChip = ({ status, testId }: { status: OfferStatus; testId?: string }) => {
  const translate = useTranslate();
  const color = offerStatusColor(status);
  return <Chip size="small" color={color} variant={color === 'default' ? 'outlined' : 'filled'} label={translate(offerChoiceKey('status', status))} data-testid={testId} data-status={status} />;
};
