import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { afterVerb } from './actions';
import type { DisciplinaryActionMethods } from './disciplinaryActionMethods';
import type { DisciplinaryAction } from './types';

/** The data provider with the action's verbs, for `useDataProvider`. */
export type DisciplinaryActionDataProvider = ConsoleDataProvider & DisciplinaryActionMethods;

export const useActionDataProvider = () => useDataProvider<DisciplinaryActionDataProvider>();

/**
 * Shows a verb's answer in place of the action the page read (nothing offered meanwhile), then
 * reads it again for its timeline and what the reader may do next.
 */
export function useShowAction(): (answer: DisciplinaryAction) => void {
  const queryClient = useQueryClient();
  return useCallback((answer: DisciplinaryAction) => {
    // react-admin's <Show> reads with useGetOne: [resource, 'getOne', { id, meta }].
    const queryKey = ['disciplinary-actions', 'getOne', { id: String(answer.id), meta: undefined }];
    queryClient.setQueryData<DisciplinaryAction>(queryKey, (before) => afterVerb(before, answer));
    void queryClient.invalidateQueries({ queryKey });
  }, [queryClient]);
}
