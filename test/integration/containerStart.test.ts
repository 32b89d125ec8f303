/**
 * No Docker engine runs here, so the container is proven by its parts: the Dockerfile's own CMD,
 * run outside a container with the Dockerfile's ENV, serves /health on every interface, and the
 * Dockerfile's HEALTHCHECK command finds it healthy.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { runStartCommand, type StartedStack } from './support/startCommand.ts';

/** The Dockerfile's instructions, continuation lines joined. */
function dockerfileInstructions(): { keyword: string; args: string }[] {
  const text = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

const instructions = dockerfileInstructions();
const execForm = (args: string) => JSON.parse(args) as string[];
const CMD = execForm(instructions.find((instruction) => instruction.keyword === 'CMD')!.args);
const HEALTHCHECK = execForm(
  /CMD (\[.*\])$/.exec(instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK')!.args)![1]!,
);
const ENV = Object.fromEntries(
  instructions
    .filter((instruction) => instruction.keyword === 'ENV')
    .flatMap((instruction) => [...instruction.args.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1]!, match[2]!])),
);

// What differs outside the container: node is this one, the data folder is a fresh temporary one
// (the container's is the /app/.local volume), and ports are free ones (a container has its own).
const containerEnv = Object.fromEntries(Object.entries(ENV).filter(([name]) => name !== 'IAM_LOCAL_DATA_DIR' && name !== 'PORT'));
const command = CMD[0] === 'node' ? [process.execPath, ...CMD.slice(1)] : CMD;

let stack: StartedStack;

beforeAll(async () => {
  stack = await runStartCommand(command, containerEnv);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the container start command', () => {
  it('is the local stack started with node, listening on every interface, data in the /app/.local volume', () => {
    expect(CMD).toEqual(['node', '--import', 'tsx', 'infrastructure/local/start.ts']);
    expect(ENV).toMatchObject({ HOST: '0.0.0.0', PORT: '3000', IAM_LOCAL_DATA_DIR: '/app/.local' });
    expect(instructions).toEqual(
      expect.arrayContaining([
        { keyword: 'VOLUME', args: '["/app/.local"]' },
        { keyword: 'USER', args: 'node' },
      ]),
    );
  });

  it('serves /health with the container’s environment, also on a non-loopback address', async () => {
    // Prepare
    const port = new URL(stack.apiUrl).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    expect(external, 'a non-loopback IPv4 address on this machine').toEqual(expect.any(String));

    // Act
    const loopback = await fetch(`${stack.apiUrl}/health`);
    const outside = await fetch(`http://${external}:${port}/health`);

    // Assess
    expect(loopback.status).toBe(200);
    expect(await loopback.json()).toEqual({ status: 'ok' });
    expect(outside.status).toBe(200);
  });

  it('serves the hosted login page through the gateway, the emulator staying on 127.0.0.1', async () => {
    // Act: /login redirects to the sign-in form, which the gateway relays from the emulator
    const start = await fetch(`${stack.apiUrl}/login`, { redirect: 'manual' });
    const location = start.headers.get('location') ?? '';
    const form = await fetch(location, { redirect: 'manual' });

    // Assess
    expect(start.status).toBe(302);
    expect(location.startsWith(`${stack.apiUrl}/oauth2/authorize?`)).toBe(true);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('action="/oauth2/authorize"');
  });

  it('passes the Dockerfile’s HEALTHCHECK command', () => {
    const port = new URL(stack.apiUrl).port;

    const result = spawnSync(process.execPath, HEALTHCHECK.slice(1), { env: { ...process.env, PORT: port }, timeout: 30_000 });

    expect(HEALTHCHECK[0]).toBe('node');
    expect(result.status).toBe(0);
  });
});
