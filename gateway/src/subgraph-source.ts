import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AGENCY_DIRECTORY, agencyOfSubgraph, INTERNAL_HEADER } from '@jiefen/auth';
import type { GatewayContext } from './context.js';

/**
 * One subgraph as the gateway sees it. Forwards the request id; turns every transport failure
 * into an error that names the agency and hides the subgraph's internal URL (the stock data
 * source puts it in the message and in `extensions.response`).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(readonly subgraphName: string, url: string) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!request.http || !context?.internalHeader) return;
    request.http.headers.set('x-request-id', context.requestId);
    request.http.headers.set(INTERNAL_HEADER, await context.internalHeader());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      const known = agencyOfSubgraph(this.subgraphName);
      const agency = known ? AGENCY_DIRECTORY[known].name : this.subgraphName;
      const service = known ?? this.subgraphName.toUpperCase();
      console.error(JSON.stringify({
        level: 'error',
        message: 'subgraph request failed',
        service,
        requestId: options.context?.requestId,
        error: error instanceof Error ? error.message : String(error),
      }));
      throw new GraphQLError(`${agency}(${service})服务暂时不可用,其他部门的数据照常返回`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service },
      });
    }
  }
}
