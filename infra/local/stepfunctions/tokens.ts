/**
 * Task tokens. Opaque to callers, as on AWS, but self-describing to us: a token names its
 * execution and task sequence number, so SendTaskSuccess finds the task without a token
 * index — also after a restart, and for a token whose task is long closed (TaskTimedOut,
 * not InvalidToken). The random part makes tokens unguessable; it is recorded with the task
 * and compared, so only the token actually issued works.
 */
import { randomBytes } from 'node:crypto';

export interface TokenRef {
  executionArn: string;
  seq: number;
}

const PREFIX = 'lsfn1.';

export function newTaskToken(executionArn: string, seq: number): string {
  const body = JSON.stringify({ e: executionArn, s: seq, r: randomBytes(24).toString('base64url') });
  return PREFIX + Buffer.from(body).toString('base64url');
}

export function readTaskToken(token: string): TokenRef | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  try {
    const { e, s } = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as { e?: unknown; s?: unknown };
    if (typeof e === 'string' && typeof s === 'number' && Number.isInteger(s) && s > 0) return { executionArn: e, seq: s };
  } catch {
    // not ours
  }
  return undefined;
}
