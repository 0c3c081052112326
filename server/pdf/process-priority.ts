import fs from 'node:fs';
import os from 'node:os';

/**
 * How far a render process steps back from the server (nice +10: when both want a core, the
 * scheduler gives the server about nine tenths). A protocol may take longer under load; a GET does not wait on one.
 */
export const renderNiceness = 10;

function lowered(current: number, steps: number): number {
  return Math.min(19, current + steps);
}

/**
 * Lowers the scheduling priority of this whole process, from the value it started with (an operator's
 * `nice npm start` keeps the distance). Linux keeps a nice value per thread (sched(7)): every thread
 * running now is lowered (V8's helper threads start before any JavaScript), and threads started later
 * inherit the value of the thread that starts them. Elsewhere the value is the process's own.
 */
export function lowerThisProcessPriority(steps: number): void {
  let threads: string[];
  try {
    threads = fs.readdirSync('/proc/self/task');
  } catch {
    os.setPriority(lowered(os.getPriority(), steps));
    return;
  }
  for (const thread of threads) {
    const id = Number(thread);
    try {
      os.setPriority(id, lowered(os.getPriority(id), steps));
    } catch {
      // A thread that ended between the listing and the call.
    }
  }
}
