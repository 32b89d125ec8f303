/**
 * Runs the local stack's start command (infrastructure/local/start.ts, what `npm start` and the
 * container's CMD run) as a child process, captures everything it writes, and stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../infrastructure/aws/lambdaFunction.ts';

export interface StartedStack {
  apiUrl: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 150_000;

/** Free ports for the emulators and the gateway unless `env` says otherwise; a fresh data folder unless it names one. */
export async function runStartCommand(command: string[], env: Record<string, string>): Promise<StartedStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-iam-start-'));
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', DYNAMODB_PORT: '0', COGNITO_PORT: '0', IAM_LOCAL_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no API URL within ${START_TIMEOUT_MS / 1000} s\n${output}`)),
        START_TIMEOUT_MS,
      );
      const check = () => {
        const url = /^\s+API\s+(http:\/\/\S+)$/m.exec(output)?.[1];
        if (!url) return;
        clearTimeout(timer);
        resolve(url);
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the start command exited with code ${code}\n${output}`));
      });
    });
    return { apiUrl, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
