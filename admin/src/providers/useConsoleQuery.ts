import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from './consoleMethods.js';

export interface ConsoleQuery<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => void;
}

/**
 * Reads through one of the data provider's own methods (getExecution, getPolicy): react-admin's
 * query hooks only cover the CRUD verbs. Keyed like a query cache: a new `key` reads again, an
 * older answer arriving late is dropped. Errors pass through react-admin's wrapper, so a 401
 * still signs out.
 */
export function useConsoleQuery<T>(
  key: string,
  read: (dataProvider: ConsoleDataProvider) => Promise<{ data: T }>,
  { enabled = true }: { enabled?: boolean } = {},
): ConsoleQuery<T> {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const readRef = useRef(read);
  readRef.current = read;
  const [state, setState] = useState<{ key: string; data?: T; error: Error | null }>({ key, error: null });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    readRef.current(dataProvider).then(
      ({ data }) => current && setState({ key, data, error: null }),
      (error: Error) => current && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error })),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, key, enabled, round]);

  const refetch = useCallback(() => setRound((r) => r + 1), []);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : undefined,
    error: fresh ? state.error : null,
    isPending: enabled && (!fresh || (state.data === undefined && state.error === null)),
    refetch,
  };
}
