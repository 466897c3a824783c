/**
 * DynamoDB items in a backup keep their typed form (`{"S": "…"}`, `{"N": "12"}`, …) so every
 * type comes back as it was — numbers with their precision, sets as sets — with the binary
 * types (`B`, `BS`) in base64, the one part that JSON cannot hold as it is.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type JsonItem = Record<string, unknown>;

export function itemToJson(item: Record<string, AttributeValue>): JsonItem {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, valueToJson(value)]));
}

export function itemFromJson(item: JsonItem): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, valueFromJson(value as Record<string, unknown>)]));
}

function valueToJson(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(valueToJson) };
  if (value.M !== undefined) return { M: itemToJson(value.M) };
  return value;
}

function valueFromJson(value: Record<string, unknown>): AttributeValue {
  if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
  if (Array.isArray(value.BS)) return { BS: (value.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
  if (Array.isArray(value.L)) return { L: (value.L as Record<string, unknown>[]).map(valueFromJson) };
  if (value.M && typeof value.M === 'object') return { M: itemFromJson(value.M as JsonItem) };
  return value as unknown as AttributeValue;
}
