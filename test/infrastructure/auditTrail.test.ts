import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

function synth(context: Record<string, unknown> = {}): Template {
  // No stack is bundled: these assertions read the template only.
  const app = new App({
    context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
  const settings = readSettings(app.node);
  return Template.fromStack(new IamStack(app, settings.stackName, { settings }));
}

const retentionOfEveryFunction = (template: Template) =>
  new Set(
    Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)
      .map((fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables)
      .filter((variables) => variables?.IAM_TABLE_NAME !== undefined)
      .map((variables) => variables!.AUDIT_RETENTION_DAYS),
  );

describe('the audit trail on AWS', () => {
  it('indexes the table by tenant and time, and expires items by their TTL attribute', () => {
    // Act
    const template = synth();

    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'gsi3',
          KeySchema: [
            { AttributeName: 'gsi3pk', KeyType: 'HASH' },
            { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ]),
    });
  });

  it('keeps audit events seven years by default, and as long as -c auditRetentionDays says', () => {
    // Act
    const byDefault = synth();
    const oneYear = synth({ auditRetentionDays: '365' });

    // Assess: every function that writes to the table is told the same retention
    expect(retentionOfEveryFunction(byDefault)).toEqual(new Set(['2557']));
    expect(retentionOfEveryFunction(oneYear)).toEqual(new Set(['365']));
  });

  it('refuses a retention that is not a whole number of days from 1', () => {
    // Prepare
    const refused = ['0', '-1', '2.5', 'forever'];

    // Act
    const errors = refused.map((value) => {
      try {
        synth({ auditRetentionDays: value });
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    });

    // Assess
    for (const message of errors) expect(message).toMatch(/auditRetentionDays must be a whole number of days/);
  });
});
