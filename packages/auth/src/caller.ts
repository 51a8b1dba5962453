import directory from './agencies.json' with { type: 'json' };

/** The six agencies of the federation (the supergraph names their subgraphs the same way). */
export const AGENCIES = ['GOVERNANCE', 'JUSTICE', 'COURT', 'POLICE', 'PROCURATORATE', 'PETITION'] as const;
export type Agency = (typeof AGENCIES)[number];

export const ROLES = ['STAFF', 'MEDIATOR', 'SUPERVISOR', 'LEADER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** One agency of the federation as every service addresses it. */
export interface AgencyEntry {
  /** The name of its subgraph in the supergraph (and of its database, workspace and `<NAME>_URL`/`<NAME>_PORT` variables). */
  readonly subgraph: string;
  /** Its Chinese name, for messages users read. */
  readonly name: string;
  /** Its default port (DESIGN.md §7): GraphQL at `/graphql`, docking events at `/events`. */
  readonly port: number;
}

/**
 * The agency directory (`agencies.json`): the one place that says how an agency is named and where
 * it listens by default. The gateway, the docking endpoints, the subgraph definitions and the lint
 * (which reads the JSON itself) all take it from here.
 */
export const AGENCY_DIRECTORY: Readonly<Record<Agency, AgencyEntry>> = directory;

export const AGENCY_NAMES: Record<Agency, string> = Object.fromEntries(AGENCIES.map((a) => [a, AGENCY_DIRECTORY[a].name])) as Record<Agency, string>;

/** The agency whose subgraph has this name (`court` → `COURT`), or undefined. */
export function agencyOfSubgraph(subgraph: string): Agency | undefined {
  return AGENCIES.find((agency) => AGENCY_DIRECTORY[agency].subgraph === subgraph);
}

/** A verified person calling the graph: the claims of their token. */
export interface Caller {
  subject: string;
  name: string;
  agency: Agency;
  /** Organization code (统一社会信用代码 or an internal unit code). */
  organization: string;
  roles: Role[];
  /** Region-code prefix the caller works in (e.g. `321281` for 兴化市, `321281123` for 戴南镇). */
  jurisdiction: string;
}

export class ClaimsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks the shape of claims (from a token, or from the gateway's internal header). */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const { sub, name, agency, org, roles, jurisdiction } = claims;
  if (typeof sub !== 'string' || sub === '') throw new ClaimsError('sub', '令牌缺少主体(sub)');
  if (typeof name !== 'string') throw new ClaimsError('name', '令牌缺少姓名(name)');
  if (typeof agency !== 'string' || !(AGENCIES as readonly string[]).includes(agency)) throw new ClaimsError('agency', '令牌中的部门(agency)无效');
  if (typeof org !== 'string' || org === '') throw new ClaimsError('org', '令牌缺少机构代码(org)');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => (ROLES as readonly string[]).includes(r))) {
    throw new ClaimsError('roles', '令牌中的角色(roles)无效');
  }
  if (typeof jurisdiction !== 'string' || !/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(jurisdiction)) {
    throw new ClaimsError('jurisdiction', '令牌中的辖区(jurisdiction)须为区划代码前缀');
  }
  return { subject: sub, name, agency: agency as Agency, organization: org, roles: roles as Role[], jurisdiction };
}

/** The claims a token (or the internal header) carries for a caller. */
export function claimsOfCaller(caller: Caller): Record<string, unknown> {
  return { sub: caller.subject, name: caller.name, agency: caller.agency, org: caller.organization, roles: caller.roles, jurisdiction: caller.jurisdiction };
}
