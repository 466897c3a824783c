import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, type HttpError } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Offboarding } from './types';

/**
 * Shows the record a verb answered in place of the one the page read (the API answers every
 * verb with the record as it is now, for this reader): no second read, and the page's `can`
 * follows at once.
 */
export function useShowOffboarding(): (record: Offboarding) => void {
  const queryClient = useQueryClient();
  // react-admin's <Show> reads with useGetOne: [resource, 'getOne', { id, meta }].
  return useCallback((record: Offboarding) => queryClient.setQueryData(['offboardings', 'getOne', { id: String(record.id), meta: undefined }], record), [queryClient]);
}

/**
 * A one-click verb (签收, 已归还, 办结): while it runs its button waits; the answer replaces the
 * record on the page and `done` is notified; a refusal is notified with the server's words.
 */
export function useOffboardingVerb() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, verb: (dp: ConsoleDataProvider) => Promise<{ data: Offboarding }>, done: string, args?: Record<string, unknown>): Promise<boolean> => {
    setBusy(key);
    try {
      show((await verb(dataProvider)).data);
      notify(done, { type: 'success', messageArgs: args });
      return true;
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}
