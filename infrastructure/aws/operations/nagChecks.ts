/**
 * cdk-nag's AwsSolutions rule pack. In cdk-nag 3.x it is a CDK validation plugin: it runs when the
 * app synthesizes, and any finding not acknowledged (nagAcknowledgements.ts) fails `cdk synth`.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
