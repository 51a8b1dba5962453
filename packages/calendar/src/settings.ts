/**
 * What an agency's rules run on: its legal clocks — configuration with DOMAIN.md defaults, since
 * provinces differ and laws are renumbered — and its notion of "now", which tests inject instead
 * of waiting for deadlines to pass. Built once per subgraph (`create<Agency>Subgraph(options)`)
 * and handed to services through the request context, never kept in a module global.
 */
export interface AgencySettings<C extends object = object> {
  readonly clocks: C;
  readonly now: () => Date;
}

/** How a deployment or a test configures an agency: some clocks overridden, another clock to read the time from. */
export interface AgencyOptions<C extends object = object> {
  clocks?: Partial<C>;
  now?: () => Date;
}

/** The agency's settings: its default clocks with the given ones replacing them. */
export function agencySettings<C extends object>(defaults: C, options: AgencyOptions<C> = {}): AgencySettings<C> {
  return { clocks: { ...defaults, ...options.clocks }, now: options.now ?? (() => new Date()) };
}
