/**
 * cognito-local, the Cognito user-pool emulator, as a child process bound to 127.0.0.1.
 * Its data lives in `<dataDir>/.cognito` (it always uses `./.cognito` of its working directory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { captureOutput, stopChild } from './childProcesses.ts';
import { waitUntil } from './ports.ts';

export interface RunningCognito {
  endpoint: string;
  stop(): Promise<void>;
}

/** A message the emulator delivered (it prints them instead of emailing): a code, to an address. */
export interface EmulatorMessage {
  to: string;
  code: string;
}

export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  fixedCode?: string;
  onMessage?: (message: EmulatorMessage) => void;
}): Promise<RunningCognito> {
  const dataDir = resolve(options.dataDir);
  const endpoint = `http://127.0.0.1:${options.port}`;
  mkdirSync(join(dataDir, '.cognito', 'db'), { recursive: true });
  writeFileSync(
    join(dataDir, '.cognito', 'config.json'),
    JSON.stringify(
      {
        TokenConfig: { IssuerDomain: endpoint },
        // Usernames are the lower-cased email itself, as in the deployed pool.
        UserPoolDefaults: { UsernameAttributes: [] },
      },
      null,
      2,
    ),
  );
  const entry = fileURLToPath(new URL('./cognitoLocalProcess.cjs', import.meta.url));
  const child = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port), ...(options.fixedCode ? { CODE: options.fixedCode } : {}) },
    stdio: 'pipe',
  });
  const output = captureOutput(child);
  if (options.onMessage) relayMessages(child, options.onMessage);
  try {
    await waitUntil('cognito-local', async () => {
      if (child.exitCode !== null) throw new Error('cognito-local exited');
      return (await fetch(`${endpoint}/health`)).ok;
    });
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output()}`);
  }
  return { endpoint, stop: () => stopChild(child) };
}

/** Reads the emulator's JSON log lines for its "Confirmation Code Delivery" messages. */
function relayMessages(child: ChildProcess, onMessage: (message: EmulatorMessage) => void): void {
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    if (!line.includes('Confirmation Code Delivery')) return;
    try {
      // eslint-disable-next-line no-control-regex
      const text = String((JSON.parse(line) as { msg?: unknown }).msg ?? '').replace(/\u001b\[[0-9;]*m/g, '');
      const to = /Destination:\s*(\S+)/.exec(text)?.[1];
      const code = /Code:\s*(\S+)/.exec(text)?.[1];
      if (to && code) onMessage({ to: to.toLowerCase(), code });
    } catch {
      // Not a JSON log line: nothing to relay.
    }
  });
}
