import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { addNagChecks } from '../../infrastructure/aws/operations/nagChecks.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

/**
 * Synthesizes the app with the AwsSolutions pack and lists every unacknowledged finding as
 * `rule at construct path`. cdk-nag 3.x reports through CDK's policy validation: synthesis throws
 * and the details are in the cloud assembly's validation-report.json.
 */
function nagFindings(app: App): string[] {
  addNagChecks(app);
  try {
    app.synth();
    return [];
  } catch (error) {
    const report = join(app.outdir, 'validation-report.json');
    if (!existsSync(report)) throw error;
    const { pluginReports } = JSON.parse(readFileSync(report, 'utf8')) as ValidationReport;
    return pluginReports.flatMap((plugin) =>
      plugin.violations.flatMap((violation) =>
        violation.violatingConstructs.map((construct) => `${violation.ruleName} at ${construct.constructPath}`),
      ),
    );
  }
}

/** Bundling is skipped: the rules read the template, not the code. */
function iamApp(context: Record<string, unknown>): { app: App; stack: IamStack } {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'sme-iam-nag-')),
    context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [], ...context },
  });
  const settings = readSettings(app.node);
  return { app, stack: new IamStack(app, settings.stackName, { settings }) };
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding for the default stack', () => {
    // Prepare
    const { app } = iamApp({});

    // Act
    const findings = nagFindings(app);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports no unacknowledged finding with an alarm topic', () => {
    const { app } = iamApp({ alarmEmail: 'ops@bank.example' });

    const findings = nagFindings(app);

    expect(findings).toEqual([]);
  });

  it('reports no unacknowledged finding with access logs, tracing and the firewall turned off', () => {
    const { app } = iamApp({ accessLogs: 'false', tracing: 'false', waf: 'false' });

    const findings = nagFindings(app);

    expect(findings).toEqual([]);
  });

  it('reports a finding that is not acknowledged, so the checks above can fail', () => {
    // Prepare: a queue without TLS enforcement or a dead-letter queue of its own
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sme-iam-nag-')) });
    new Queue(new Stack(app, 'Probe'), 'Plain');

    // Act
    const findings = nagFindings(app);

    // Assess
    expect(findings).toEqual(expect.arrayContaining(['AwsSolutions-SQS4 at Probe/Plain/Resource']));
  });

  it('uses Resource * only for X-Ray and dynamodb:ListStreams, which have no resource-level permissions', () => {
    // Prepare
    const { stack } = iamApp({ tracing: 'true' });
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy') as Record<
      string,
      { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }
    >;

    // Act
    const wildcardActions = Object.values(policies).flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.filter((statement) => statement.Resource === '*').flatMap((statement) =>
        [statement.Action].flat(),
      ),
    );

    // Assess
    expect(wildcardActions.length).toBeGreaterThan(0);
    expect(new Set(wildcardActions)).toEqual(
      new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams']),
    );
  });
});
