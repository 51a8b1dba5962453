import { gatewayAuthFromEnv } from './auth.js';
import { startGateway, subgraphUrlsFromEnv } from './gateway.js';

const running = await startGateway({
  auth: await gatewayAuthFromEnv(),
  subgraphUrls: subgraphUrlsFromEnv(),
  port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  dashboard: { identityProviderLoginUrl: process.env.JIEFEN_IDP_LOGIN_URL },
});
console.log(
  `[gateway] ${running.graphqlUrl}${running.explorerUrl ? ` — 接口调试 explorer ${running.explorerUrl}` : ''}${running.dashboardUrl ? ` — 领导驾驶舱 ${running.dashboardUrl}` : ''}`,
);
const shutdown = async () => {
  await running.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
// Started by another process with an IPC channel (`npm run bench`): when that process is gone, so is this one.
if (process.connected) process.once('disconnect', shutdown);
