/**
 * The generic HTTP steps of SIF's scenarios, with apickli's meaning: "should be" and "should
 * contain" are regular expressions, and a body path is a JSONPath whose first match is compared.
 */
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { JSONPath } from 'jsonpath-plus';
import { globalVariables, replaceVariables, type SifWorld } from './world.ts';

function evaluatePath(path: string, body: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const found = JSONPath({ path: replaceVariables(path), json: json as object }) as unknown[];
  return found.length > 0 ? found[0] : null;
}

function check(success: boolean, expected: string, actual: unknown, world: SifWorld) {
  if (success) return;
  const { status, body } = world.lastResponse();
  throw new Error(`Expected ${expected}, got ${JSON.stringify(actual)} (response ${status}: ${body.slice(0, 600)})`);
}

Given(/^I set (.*) header to (.*)$/, function (this: SifWorld, name: string, value: string) {
  this.addRequestHeader(name, value);
});

Given(/^I remove header (.*)$/, function (this: SifWorld, name: string) {
  delete this.headers[name];
});

Given(/^I set body to (.*)$/, function (this: SifWorld, body: string) {
  this.requestBody = replaceVariables(body);
});

Given(/^I set query parameters to$/, function (this: SifWorld, table: DataTable) {
  this.queryParameters = Object.fromEntries(
    table.hashes().map((row) => [replaceVariables(row.parameter!), replaceVariables(row.value!)]),
  );
});

When(/^I GET (.*)$/, function (this: SifWorld, resource: string) {
  return this.send('GET', resource);
});

When(/^I POST to (.*)$/, function (this: SifWorld, resource: string) {
  return this.send('POST', resource);
});

When(/^I PUT (.*)$/, function (this: SifWorld, resource: string) {
  return this.send('PUT', resource);
});

When(/^I PATCH (.*)$/, function (this: SifWorld, resource: string) {
  return this.send('PATCH', resource);
});

When(/^I DELETE (.*)$/, function (this: SifWorld, resource: string) {
  return this.send('DELETE', resource);
});

When(/^I pause for (\d+)ms$/, function (milliseconds: string) {
  // SIF waits for its eventually consistent reads; ours are consistent, but the step keeps SIF's meaning.
  return new Promise((resolve) => setTimeout(resolve, Number(milliseconds)));
});

Then(/^response code should be (.*)$/, function (this: SifWorld, code: string) {
  const actual = String(this.lastResponse().status);
  check(actual === replaceVariables(code), `status ${code}`, actual, this);
});

Then(/^response header (.*) should be (.*)$/, function (this: SifWorld, name: string, expression: string) {
  const actual = this.lastResponse().headers.get(name);
  check(new RegExp(replaceVariables(expression)).test(String(actual)), `header ${name} matching ${expression}`, actual, this);
});

Then(/^response body path (.*) should be ((?!of type).+)$/, function (this: SifWorld, path: string, expression: string) {
  const actual = evaluatePath(path, this.lastResponse().body);
  check(new RegExp(replaceVariables(expression)).test(String(actual)), `${path} matching ${expression}`, actual, this);
});

Then(/^response body should contain (.*)$/, function (this: SifWorld, expression: string) {
  check(new RegExp(replaceVariables(expression)).test(this.lastResponse().body), `a body matching ${expression}`, null, this);
});

Then(/^response body should not contain (.*)$/, function (this: SifWorld, expression: string) {
  check(!new RegExp(replaceVariables(expression)).test(this.lastResponse().body), `no match of ${expression}`, null, this);
});

Then(/^I store the value of body path (.*) as (.*) in global scope$/, function (this: SifWorld, path: string, name: string) {
  globalVariables[name] = evaluatePath(path, this.lastResponse().body);
});
