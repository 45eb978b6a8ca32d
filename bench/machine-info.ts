/** The machine a run measured on, so results from different runs can be told apart. */
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews times. */
  loadAverageAtStart: number[];
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}
