import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * The gateway's limits on what one request may ask for. Measured on the dispute view (DESIGN.md §3):
 * a page of 100 disputes (the largest page size) with every agency's records, the region chain and
 * the parties' other disputes is depth 9, cost ≈ 62,000 (with a literal `first: 100`), 146 tokens;
 * GraphiQL's full introspection query is 184 tokens (introspection is exempt from depth and cost).
 */
export const QUERY_LIMITS = {
  /** Nesting of the result (fragments flattened): the dispute view above is 9; `parent` chains and
   * `parties > person > disputes` cycles beyond that are abuse. */
  depth: 10,
  /** Aliased fields per operation (`__typename` included): a screen needs a handful; alias
   * flooding needs hundreds. */
  aliases: 15,
  /** Directives per operation (`@include`/`@skip`…). */
  directives: 20,
  /** Lexical tokens per document: > 10× the largest real operation, checked by the parser itself. */
  tokens: 2000,
  /** graphql-armor's cost (objects 2, scalars 1, ×1.5 per level, × a literal `first`): the 100-dispute
   * view above fits, two of them in one request do not. */
  cost: 80_000,
} as const;

/** Largest request body the gateway reads (a real operation with its variables is a few KiB). */
export const GATEWAY_BODY_LIMIT_BYTES = 100 * 1024;

export type QueryLimit = keyof typeof QUERY_LIMITS;

const MESSAGES: Record<QueryLimit, string> = {
  depth: `查询嵌套层数超过上限(${QUERY_LIMITS.depth} 层),请减少嵌套`,
  aliases: `查询使用的别名超过上限(${QUERY_LIMITS.aliases} 个)`,
  directives: `查询使用的指令超过上限(${QUERY_LIMITS.directives} 个)`,
  tokens: `查询语句过长:记号(token)数超过上限(${QUERY_LIMITS.tokens} 个)`,
  cost: `查询开销超过上限(${QUERY_LIMITS.cost}),请减少每页条数或所取字段`,
};

/** Reports a refused limit as a validation error (Apollo answers it like any other: 400, or 200 with application/json). */
function reporter(limit: QueryLimit) {
  return {
    exposeLimits: false,
    errorMessage: MESSAGES[limit],
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        context?.reportError(new GraphQLError(MESSAGES[limit], { extensions: { limit, max: QUERY_LIMITS[limit] } }));
      },
    ],
  };
}

export interface GatewayProtection {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  /** The token limit: graphql-js stops parsing past it (a parse error, 400). */
  parseOptions: ParseOptions;
}

/**
 * graphql-armor's depth, alias, directive and cost rules with our limits and Chinese messages.
 * Two of its protections are replaced: its token limit throws from a `parsingDidStart` hook, which
 * Apollo Server turns into a 500 — graphql-js's own `maxTokens` parse option refuses the same
 * documents as a parse error (400); field suggestions are hidden by Apollo Server's
 * `hideSchemaDetailsFromClientErrors` in production (and kept in development, where they help).
 */
export function gatewayProtection(): GatewayProtection {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, ignoreIntrospection: true, ...reporter('depth') },
    // armor exempts aliased `__typename` by default: counted here, a flood of them is refused too.
    maxAliases: { n: QUERY_LIMITS.aliases, allowList: [], ...reporter('aliases') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...reporter('directives') },
    costLimit: { maxCost: QUERY_LIMITS.cost, flattenFragments: true, ignoreIntrospection: true, ...reporter('cost') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin<BaseContext>[], validationRules, parseOptions: { maxTokens: QUERY_LIMITS.tokens } };
}

// graphql-js 16 words it "more that N tokens" (sic); accept the corrected wording too.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\./;

/** graphql-js's token-limit parse error, in Chinese with the same `limit`/`max` details as the others. */
export function localizeLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED' || !TOKEN_LIMIT.test(formatted.message)) return formatted;
  return { ...formatted, message: MESSAGES.tokens, extensions: { ...formatted.extensions, limit: 'tokens', max: QUERY_LIMITS.tokens } };
}
