import { Alert, Stack } from '@mui/material';
import { createContext, useContext } from 'react';
import { GapChip } from './GapChip';
import { groupErrors, isGap } from './policyPaths';

/** What a policy page's inputs need to know besides the form's own state. */
export interface PolicyFormInfo {
  /** Paths of values that fill a gap in the source documents. */
  gaps: readonly string[];
  readOnly: boolean;
  /** The last save's server errors that no input shows, by path (`values.weights`). */
  others: Record<string, string>;
  /** Groups whose section shows their own errors (`values.weights`); the rest are listed at the top. */
  groups: readonly string[];
}

export const PolicyFormContext = createContext<PolicyFormInfo>({ gaps: [], readOnly: true, others: {}, groups: [] });
export const usePolicyForm = () => useContext(PolicyFormContext);

/** helperText for an input at `path`: the gap marker when the value fills a gap, else the given text. */
export function useGapHelper(): (path: string, otherwise?: string | false) => React.ReactElement | string | false | undefined {
  const { gaps } = usePolicyForm();
  return (path, otherwise) => (isGap(path, gaps) ? <GapChip /> : otherwise);
}

/** The server's errors about a group (`group`), or about nothing any section shows (`rest`). */
export const GroupErrors = ({ group, rest }: { group?: string; rest?: boolean }) => {
  const { others, groups } = usePolicyForm();
  const messages = rest
    ? Object.entries(others)
        .filter(([path]) => !groups.some((g) => path === g || path.startsWith(`${g}.`)))
        .map(([, message]) => message)
    : groupErrors(others, group ?? '');
  if (messages.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {messages.map((message, i) => (
        <Alert key={i} severity="error">
          {message}
        </Alert>
      ))}
    </Stack>
  );
};
