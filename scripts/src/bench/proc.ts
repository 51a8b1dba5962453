// CPU time and memory of processes, read from Linux's /proc: steady on a shared machine, where
// wall-clock throughput is not (CPU a request costs does not depend on who else runs).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `utime`/`stime` (`getconf CLK_TCK`, 100 on nearly every Linux). */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** Own user + system time, in ticks. */
  own: number;
  /** User + system time of waited-for children that have ended, in ticks. */
  reaped: number;
}

/** Fields of `/proc/<pid>/stat` (the command name may hold spaces and parentheses: parse after the last `)`). */
function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** Resident memory of a process in kB (`VmRSS`), 0 once it has ended. */
export function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Private (anonymous) resident memory in kB: for PostgreSQL, whose shared buffers every backend maps. */
function anonRssKb(pid: number): number {
  try {
    const match = /^RssAnon:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (stat(pid)?.ppid === parent) pids.push(pid);
  }
  return pids;
}

/** What one measured process (or process tree) is. */
export interface Probe {
  name: string;
  /** CPU milliseconds used so far. */
  cpuMs(): number;
  /** Resident memory in MB now. */
  rssMb(): number;
}

/** One Node process: its own CPU time. */
export function processProbe(name: string, pid: number): Probe {
  return {
    name,
    cpuMs: () => ((stat(pid)?.own ?? 0) * 1000) / CLOCK_TICKS,
    rssMb: () => rssKb(pid) / 1024,
  };
}

/**
 * A server and all its children (PostgreSQL: the postmaster and its backends and workers): the
 * postmaster's own time, that of the children it has reaped, and that of the children alive now.
 * Memory: the postmaster's resident set plus each child's private part (shared buffers once).
 */
export function processTreeProbe(name: string, root: number): Probe {
  return {
    name,
    cpuMs() {
      const top = stat(root);
      if (!top) return 0;
      let ticks = top.own + top.reaped;
      for (const child of childrenOf(root)) {
        const s = stat(child);
        if (s) ticks += s.own + s.reaped;
      }
      return (ticks * 1000) / CLOCK_TICKS;
    },
    rssMb: () => (rssKb(root) + childrenOf(root).reduce((sum, pid) => sum + anonRssKb(pid), 0)) / 1024,
  };
}

/** The parent of a process (PostgreSQL: a backend's postmaster). */
export function parentOf(pid: number): number | null {
  return stat(pid)?.ppid ?? null;
}
