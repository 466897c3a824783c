import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider, InboxCounts } from '../providers/consoleMethods.js';

/** The inbox's numbers read again this often while a page shows them. */
const REREAD_MS = 60_000;

/**
 * The numbers on the inbox tabs and the menu badge (GET /approvals/counts): one query the tabs
 * and the menu share, read again every minute and whenever the approvals lists change (a
 * decision invalidates them, providers/dataProvider.ts).
 */
export function useInboxCounts(): InboxCounts | undefined {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['approvals', 'counts'],
    queryFn: async () => (await dataProvider.getInboxCounts()).data,
    refetchInterval: REREAD_MS,
    staleTime: 10_000,
  }).data;
}
