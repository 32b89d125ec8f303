/**
 * DynamoDB Streams consumer: publishes every committed audit event to the stack's EventBridge
 * bus. Events come from the stream, not the handlers, so one goes out if and only if its
 * transaction committed. Failures are reported per record (`reportBatchItemFailures`).
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { deliverChanges, type ChangeStreamRecord, type Publisher } from '../../shared/events/deliverChanges.ts';

const eventBridge = new EventBridgeClient({});

const putOnBus =
  (busName: string): Publisher =>
  async (entries) => {
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: entries.map((entry) => ({
          EventBusName: busName,
          Source: entry.source,
          DetailType: entry.detailType,
          Detail: JSON.stringify(entry.detail),
          Time: new Date(entry.detail.at),
        })),
      }),
    );
    return (result.Entries ?? []).flatMap((entry, index) => (entry.ErrorCode ? [index] : []));
  };

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  deliverChanges(event.Records as ChangeStreamRecord[], putOnBus(process.env.EVENT_BUS_NAME!));
