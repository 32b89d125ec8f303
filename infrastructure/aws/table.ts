import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../shared/store/tableDefinition.ts';

/** The service's single table, shaped by TABLE_DEFINITION (the local stack creates the same one). */
export function createTable(scope: Construct, deletionProtection: boolean): Table {
  const table = new Table(scope, 'Table', {
    partitionKey: { name: TABLE_DEFINITION.partitionKey, type: AttributeType.STRING },
    sortKey: { name: TABLE_DEFINITION.sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: TABLE_DEFINITION.ttlAttribute,
    stream: StreamViewType[TABLE_DEFINITION.streamViewType],
    deletionProtection,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}
