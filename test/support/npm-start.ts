/** Runs `npm start`'s entry (infra/local/main.ts) as a user would, and reads what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  output: () => string;
}

export function startMain(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 90 s:\n${out}`)), 90_000);
    const poll = setInterval(() => {
      if (/is running/.test(out) && /Data\s/.test(out)) {
        clearInterval(poll);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        setTimeout(() => resolve({ child, output: () => out }), 200);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

/** Ctrl-C (SIGINT) or a hard kill (SIGKILL); resolves with the exit code once the process is gone. */
export function stopMain(s: Started, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve(s.child.exitCode);
    s.child.once('exit', (code) => resolve(code));
    s.child.kill(signal);
  });
}
