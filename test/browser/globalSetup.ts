/**
 * The browser tests' local stack: the integration tests' global setup, run in a child process
 * (see stackProcess.ts), its `stack` provided to the tests the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const STACK_PROCESS = fileURLToPath(new URL('./stackProcess.ts', import.meta.url));
export const STACK_LINE_PREFIX = 'LOCAL_STACK ';
const START_TIMEOUT_MS = 150_000;
const STOP_TIMEOUT_MS = 30_000;

export default async function setup(project: TestProject) {
  const child = spawn(process.execPath, ['--import', 'tsx', STACK_PROCESS], { stdio: ['pipe', 'pipe', 'pipe'] });
  const provided = await stackInfo(child);
  for (const [key, value] of Object.entries(provided)) project.provide(key as 'stack', value as never);
  return () => stopChild(child);
}

function stackInfo(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onExit = (code: number | null) => fail(`it exited with code ${code}`);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The browser tests' local stack did not start: ${reason}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no answer in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(STACK_LINE_PREFIX));
      if (!line) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(JSON.parse(line.slice(STACK_LINE_PREFIX.length)) as Record<string, unknown>);
    });
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
