import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The mark of a value the company's documents leave open (POLICIES.md "(gap)"): a short chip,
 * 系统默认, whose tooltip says what it means — once, in the manager's words, not jargon
 * beside every input (#12 item 16). A span, so it may sit in an input's helper text (a <p>).
 */
export const GapChip = ({ testId }: { testId?: string }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('app.policy_gap_hint')} describeChild>
      <Chip
        component="span"
        size="small"
        color="warning"
        variant="outlined"
        label={translate('app.policy_gap')}
        data-gap="true"
        tabIndex={0}
        sx={{ height: 20, cursor: 'help' }}
        {...(testId ? { 'data-testid': testId } : {})}
      />
    </Tooltip>
  );
};
