/** What the gateway keeps per request. */
export interface GatewayContext {
  requestId: string;
}
