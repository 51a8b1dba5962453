// A few lines of DOM building: every text goes in as a text node (never as HTML), so nothing the
// API returns can become markup.
export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  title?: string;
  /** `data-*` attributes (keys in camelCase, as `dataset`). */
  data?: Record<string, string>;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  if (props?.title) el.title = props.title;
  for (const [key, value] of Object.entries(props?.data ?? {})) el.dataset[key] = value;
  for (const [key, value] of Object.entries(props?.attrs ?? {})) el.setAttribute(key, value);
  for (const [type, handler] of Object.entries(props?.on ?? {})) el.addEventListener(type, handler as EventListener);
  append(el, children);
  return el;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, children);
}
