import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total?: number) => void;
  step: (label: string) => void;
  stop: () => void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes). */
export function createProgress(label: string): Progress {
  if (!process.stderr.isTTY) {
    return { update: () => undefined, step: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {step}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  let isStopped = false;
  let steps = 0;
  return {
    update: (done, total) => {
      if (!isStarted) {
        bar.start(total ?? done, done, { step: '' });
        isStarted = true;
      }
      if (total !== undefined) {
        bar.setTotal(total);
      }
      bar.update(done);
    },
    step: (name) => {
      steps += 1;
      if (!isStarted) {
        bar.start(2, 0, { step: name });
        isStarted = true;
      }
      bar.update(steps, { step: name });
    },
    stop: () => {
      if (isStarted && !isStopped) {
        bar.stop();
        isStopped = true;
      }
    },
  };
}
