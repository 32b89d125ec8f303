/**
 * `npx cdk synth` as an operator runs it (offline, bundling every function), timed from outside:
 * wall time, and the CPU time of the whole process tree (bash's `times`), which a shared machine
 * inflates less.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infrastructure/aws/bundling.ts';
import { median } from './stats.ts';

export const SYNTH_COMMAND = 'npx cdk synth -q -c adminEmail=bench@example.com';
export const SYNTH_RUNS = 3;

export interface SynthResult {
  command: string;
  wallSeconds: number[];
  cpuSeconds: number[];
  medianWallSeconds: number;
  medianCpuSeconds: number;
}

export async function measureSynth(log: (message: string) => void): Promise<SynthResult> {
  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const wallSeconds: number[] = [];
  const cpuSeconds: number[] = [];
  for (let run = 0; run < SYNTH_RUNS; run++) {
    const outdir = mkdtempSync(join(REPO_ROOT, '.bench', 'synth-'));
    try {
      const started = performance.now();
      cpuSeconds.push(await synthCpuSeconds(`${SYNTH_COMMAND} -o ${JSON.stringify(outdir)}`));
      wallSeconds.push((performance.now() - started) / 1000);
      log(`synth ${run + 1}/${SYNTH_RUNS}: ${wallSeconds[run]!.toFixed(1)} s wall, ${cpuSeconds[run]!.toFixed(1)} s CPU`);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }
  return {
    command: SYNTH_COMMAND,
    wallSeconds,
    cpuSeconds,
    medianWallSeconds: median(wallSeconds),
    medianCpuSeconds: median(cpuSeconds),
  };
}

/** Runs the command under bash and returns its children's user + system CPU seconds. */
function synthCpuSeconds(command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${command} >/dev/null 2>&1 || exit 1; times`], { cwd: REPO_ROOT, stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      // `times` prints the shell's own times, then its children's: "0m12.345s 0m1.234s".
      const children = stdout.trim().split('\n').at(-1) ?? '';
      const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, m, s]) => sum + Number(m) * 60 + Number(s), 0);
      if (code === 0 && seconds > 0) resolve(seconds);
      else reject(new Error(`${command} failed (exit ${code})`));
    });
  });
}
