import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('business sign-up on AWS', () => {
  let template: Template;
  let trigger: [string, Resource];
  let preSignUp: [string, Resource];

  beforeAll(() => {
    // Bundling skipped: these tests read the template only.
    const app = new App({
      context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const settings = readSettings(app.node);
    template = Template.fromStack(new IamStack(app, settings.stackName, { settings }));
    trigger = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).find(([, fn]) =>
      String(fn.Properties.Description).startsWith('Cognito post-confirmation'),
    )!;
    preSignUp = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).find(([, fn]) =>
      String(fn.Properties.Description).startsWith('Cognito pre-sign-up'),
    )!;
  });

  it('enables self sign-up with email verification and attaches the post-confirmation trigger', () => {
    expect(trigger).toBeDefined();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [trigger[0], 'Arn'] } },
    });
    // Cognito may invoke it.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [trigger[0], 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('gives the trigger the table only: no Cognito permission and no user-pool reference', () => {
    const roleId = (trigger[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const actions = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
      .flatMap((policy) =>
        (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement.flatMap((st) =>
          [st.Action].flat(),
        ),
      );

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    expect(actions.filter((action) => !action.startsWith('dynamodb:') && !action.startsWith('xray:'))).toEqual([]);
    const variables = (trigger[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).filter((name) => !name.startsWith('POWERTOOLS_'))).toEqual([
      'IAM_TABLE_NAME',
      'AUDIT_RETENTION_DAYS',
    ]);
  });

  it('attaches the pre-sign-up trigger, with no permission and no environment', () => {
    expect(preSignUp).toBeDefined();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [preSignUp[0], 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [preSignUp[0], 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
    const roleId = (preSignUp[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    );
    // Tracing is its only grant; Powertools' settings are its only environment.
    const actions = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement.flatMap((st) =>
        [st.Action].flat(),
      ),
    );
    expect(actions.filter((action) => !action.startsWith('xray:'))).toEqual([]);
    const variables =
      (preSignUp[1].Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    expect(Object.keys(variables).filter((name) => !name.startsWith('POWERTOOLS_'))).toEqual([]);
  });

  it('lets both app clients write the email and no other attribute', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient') as Record<string, Resource>);

    expect(clients.map((client) => client.Properties.ClientName).sort()).toEqual(['api', 'hosted']);
    for (const client of clients) expect(client.Properties.WriteAttributes).toEqual(['email']);
  });
});
