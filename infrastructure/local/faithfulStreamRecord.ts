/**
 * DynamoDB Local's stream differs from DynamoDB Streams in one way that matters here: it serves
 * an empty map as `{}` instead of `{"M":{}}` (the canary in test/integration/changeEvents.test.ts
 * tells when that changes). An attribute value naming no type cannot be read (`unmarshall` throws),
 * so one event with an empty map in its changes would stop the local bus for good. The local
 * poller repairs its records here, before the consumer shared with the Lambda reads them.
 */
import type { ChangeStreamRecord } from '../../shared/events/deliverChanges.ts';

type RawValue = Record<string, unknown>;

const isTypeless = (value: RawValue) => Object.keys(value).length === 0;

function faithfulValue(value: RawValue): RawValue {
  if (isTypeless(value)) return { M: {} };
  if (value.M) return { M: faithfulImage(value.M as Record<string, RawValue>) };
  if (Array.isArray(value.L)) return { L: (value.L as RawValue[]).map(faithfulValue) };
  return value;
}

function faithfulImage(image: Record<string, RawValue>): Record<string, RawValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, faithfulValue(value)]));
}

export function faithfulStreamRecord(record: ChangeStreamRecord): ChangeStreamRecord {
  const image = record.dynamodb?.NewImage as Record<string, RawValue> | undefined;
  return image ? { ...record, dynamodb: { ...record.dynamodb, NewImage: faithfulImage(image) } } : record;
}
