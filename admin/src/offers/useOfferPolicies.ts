import { useConsoleQuery } from '../providers/useConsoleQuery';
import { probationBounds } from './offerForm';

/**
 * What the offer form shows from the policies (everyone reads them): the level ladder (org
 * policy), the range above it and the report window (recruitment policy), and the probation
 * length (probation policy, §3). `ready` once all three answered.
 */
export function useOfferPolicies() {
  const org = useConsoleQuery('policy:org', (dp) => dp.getPolicy('org'));
  const recruitment = useConsoleQuery('policy:recruitment', (dp) => dp.getPolicy('recruitment'));
  const probation = useConsoleQuery('policy:probation', (dp) => dp.getPolicy('probation'));
  const values = recruitment.data?.values as { salaryRangePercent?: number; reportWithinDays?: number } | undefined;
  return {
    ladder: org.data?.values.levelBaseSalary as Record<string, number> | undefined,
    salaryRangePercent: values?.salaryRangePercent,
    reportWithinDays: values?.reportWithinDays ?? 10,
    probation: probationBounds(probation.data?.values),
    ready: !!org.data && !!recruitment.data && !!probation.data,
    error: org.error ?? recruitment.error ?? probation.error,
  };
}

export type OfferPolicies = ReturnType<typeof useOfferPolicies>;
