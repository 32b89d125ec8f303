/** The CDK app: `npx cdk synth -c adminEmail=admin@your-bank.example` (other settings: settings.ts). */
import { App } from 'aws-cdk-lib';
import { IamStack } from './iamStack.ts';
import { addNagChecks } from './operations/nagChecks.ts';
import { readSettings } from './settings.ts';

const app = new App();
const settings = readSettings(app.node);
new IamStack(app, settings.stackName, { settings });
addNagChecks(app);
app.synth();
