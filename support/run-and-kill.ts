/**
 * Kill-point fault injection: runs a TypeScript CLI of this repo (spawnCli) and
 * SIGKILLs it once `when` says so, polled every 25 ms with everything the CLI has printed so far.
 * Resolves with that output when the child has exited.
 *
 * The probe looks at a live system, and its looks can fail: the S3 test server (s3rver) writes an
 * object's metadata file in place, so a LIST that reads it while an upload writes it answers 500.
 * A failed probe means "not known yet" and is asked again on the next tick; every probe promise is
 * observed here (an unobserved one is an unhandled rejection that fails the whole test run). If
 * the child exits by itself without the probe ever having answered, the run rejects with the
 * probe's last error rather than passing off an unkilled run as a kill.
 */
import { spawnCli } from './run-cli.ts';

export function runAndKill(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  when: (output: string) => Promise<boolean>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(script, args, env);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let probe: Promise<void> | undefined;
    let answered = false;
    let probeError: unknown;
    const ask = async () => {
      try {
        const kill = await when(output);
        answered = true;
        if (kill) child.kill('SIGKILL');
      } catch (error) {
        probeError = error;
      }
    };
    const poll = setInterval(() => {
      probe ??= ask().finally(() => (probe = undefined));
    }, 25);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      // The probe in flight settles first, so nothing it does outlives the run.
      void Promise.resolve(probe).then(() => {
        if (signal !== 'SIGKILL' && !answered && probeError !== undefined) {
          const reason = probeError instanceof Error ? probeError.message : String(probeError);
          reject(
            new Error(`the kill probe never answered before the run ended: ${reason}`, { cause: probeError }),
          );
        } else {
          resolve(output);
        }
      });
    });
  });
}
