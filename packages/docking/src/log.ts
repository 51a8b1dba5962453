/** One structured log entry of the protocol (delivery state changes, refusals, applications). */
export interface DockingLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

export type DockingLogger = (entry: DockingLogEntry) => void;

/** The default: one JSON line per entry on stdout (errors and warnings on stderr). */
export const jsonLogger: DockingLogger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), component: 'docking', ...entry });
  if (entry.level === 'info') console.log(line);
  else console.error(line);
};
