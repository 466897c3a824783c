/** Reading a request body the way the service validates it: named fields, clear messages. */
import { SfnError, unsupported, validation } from './errors.js';

export type JsonObject = Record<string, unknown>;

export function requireString(input: JsonObject, field: string, maxLength = 2048): string {
  const value = input[field];
  if (value === undefined || value === null) {
    throw validation(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  if (typeof value !== 'string') throw validation(`'${field}' must be a string`);
  if (value.length > maxLength) throw validation(`'${field}' must have length less than or equal to ${maxLength}`);
  return value;
}

export function optionalString(input: JsonObject, field: string, maxLength?: number): string | undefined {
  return input[field] === undefined || input[field] === null ? undefined : requireString(input, field, maxLength);
}

export function optionalInteger(input: JsonObject, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(`'${field}' must be an integer between ${min} and ${max}`);
  }
  return value;
}

/**
 * Fields this endpoint implements for an action; any other field the caller set is
 * refused by name instead of being ignored.
 */
export function onlyFields(action: string, input: JsonObject, supported: readonly string[]): void {
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined && value !== null && !supported.includes(field)) {
      throw unsupported(`${action} with '${field}'`);
    }
  }
}

export function optionalBoolean(input: JsonObject, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validation(`'${field}' must be a boolean`);
  return value;
}

/** AWS JSON timestamps are epoch seconds. */
export const epochSeconds = (date: Date | string) => new Date(date).getTime() / 1000;

/** Opaque page tokens: base64url JSON of where the next page starts. */
export const pageToken = (after: string) => Buffer.from(JSON.stringify({ after })).toString('base64url');

export function readPageToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  try {
    const { after } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'string') return after;
  } catch {
    // fall through
  }
  throw new SfnError('InvalidToken', `Invalid Token: '${token}'`);
}
