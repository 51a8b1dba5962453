import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

/** Federation version every subgraph links to. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/** A `__resolveReference` per entity type: `(reference, context, info)` — context is the second argument. */
export type ReferenceResolvers = Record<string, (reference: never, context: never, info: never) => unknown>;

export interface SubgraphSchemaOptions {
  // type-graphql's own signature: resolver classes are untyped constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through `_entities` (type-graphql drops unreachable types otherwise). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

/** The subgraph's SDL as composition sees it: type-graphql's schema plus the federation `@link`. */
export async function printSubgraphSdl(options: SubgraphSchemaOptions): Promise<string> {
  const { sdl } = await build(options);
  return sdl;
}

/** Wraps the resolver of one mutation (a root field of `Mutation`), e.g. to run it again; `field` is its name. */
export type MutationWrapper<C = unknown> = (resolve: GraphQLFieldResolver<unknown, C>, field: string) => GraphQLFieldResolver<unknown, C>;

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema. The SDL is printed with its
 * directives (graphql's `printSchema` drops `@key`) and prefixed with the federation `@link`;
 * without it the subgraph would silently be Federation 1. `wrapMutation`, when given, wraps the
 * resolver of every mutation, and of nothing else.
 */
export async function buildFederatedSchema<C = unknown>(options: SubgraphSchemaOptions, wrapMutation?: MutationWrapper<C>): Promise<GraphQLSchema> {
  const { sdl, resolvers, mutation } = await build(options);
  const mutations = mutation ? resolvers[mutation] : undefined;
  if (wrapMutation && mutations) {
    for (const [field, resolve] of Object.entries(mutations)) {
      if (typeof resolve === 'function') mutations[field] = wrapMutation(resolve as GraphQLFieldResolver<unknown, C>, field);
    }
  }
  // createResolversMap's shape is what buildSubgraphSchema expects; its type is not exported.
  return buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: resolvers as Parameters<typeof buildSubgraphSchema>[0] extends { resolvers?: infer R } ? R : never,
  });
}

type ResolverMap = Record<string, Record<string, unknown>>;

async function build(options: SubgraphSchemaOptions): Promise<{ sdl: string; resolvers: ResolverMap; mutation?: string }> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}\n`;
  const resolvers = createResolversMap(schema) as ResolverMap;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference };
  }
  return { sdl, resolvers, mutation: schema.getMutationType()?.name };
}
