/**
 * cognito-local, the Cognito user-pool emulator, as a child process bound to 127.0.0.1.
 * Its data lives in `<dataDir>/.cognito` (it always uses `./.cognito` of its working directory).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { captureOutput, stopChild } from './childProcesses.ts';
import { waitUntil } from './ports.ts';

const require = createRequire(import.meta.url);

export interface RunningCognito {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startCognitoLocal(options: { port: number; dataDir: string; fixedCode?: string }): Promise<RunningCognito> {
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
  const entry = require.resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port), ...(options.fixedCode ? { CODE: options.fixedCode } : {}) },
    stdio: 'pipe',
  });
  const output = captureOutput(child);
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
