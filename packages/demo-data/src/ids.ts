import { v5 as uuidv5 } from 'uuid';

/** Namespace of every demo id: the same dispute has the same id in all six databases. */
const NAMESPACE = '6f1d2c1e-3b7a-5c4e-9a0f-2a8e1d5b7c90';

/** A stable UUID for demo record `n` of `kind` (e.g. `demoId('dispute', 3)`). */
export function demoId(kind: string, n: number): string {
  return uuidv5(`${kind}:${n}`, NAMESPACE);
}
