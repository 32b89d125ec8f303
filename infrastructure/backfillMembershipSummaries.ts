/**
 * `npm run backfill:summaries`: writes the membership summary of every user of an existing table
 * (see shared/store/membershipSummaryBackfill.ts). Reads the table as the functions do:
 * `IAM_TABLE_NAME`, and `DYNAMODB_ENDPOINT` for DynamoDB Local. Safe to run again, and while the
 * service is serving.
 */
import { tableFromEnvironment } from '../shared/store/client.ts';
import { backfillMembershipSummaries } from '../shared/store/membershipSummaryBackfill.ts';

const table = tableFromEnvironment();
const users = await backfillMembershipSummaries(table, (count) => console.error(`backfilled ${count} users so far`));
console.log(`Membership summaries written for ${users} users of ${table.tableName}`);
table.doc.destroy();
