import type { Caller } from '@jiefen/auth';

/** What the gateway keeps per request. */
export interface GatewayContext {
  requestId: string;
  /** The verified caller, or null for an anonymous request. */
  caller: Caller | null;
  /** The signed internal header for the subgraphs (signed once per request). */
  internalHeader: () => Promise<string>;
}
