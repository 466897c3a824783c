import type { Validator } from 'react-admin';

/** At most `places` decimal places, counted as typed (99.95 has two, whatever binary makes of it). */
export function maxDecimals(places: number): Validator {
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    const scaled = Math.round(value * 10 ** places * 1e6) / 1e6;
    return Number.isInteger(scaled) ? undefined : { message: 'resources.approvals.validation.decimals', args: { n: places } };
  };
}
