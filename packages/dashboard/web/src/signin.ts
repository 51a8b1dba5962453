// Signing in: the development persona picker (tokens from the gateway's development issuer), or the
// way to the agencies' identity provider in production.
import type { PageConfig } from './api.js';
import { storeToken } from './auth.js';
import { h, replaceChildren } from './dom.js';
import { AGENCIES, label, ROLES } from './labels.js';

interface DevPersona {
  key: string;
  name: string;
  organizationName: string;
  agency: string;
  roles: string[];
  jurisdiction: string;
  description: string;
}

/** Where the identity provider sends the user back to, with the token. */
export function identityProviderUrl(loginUrl: string): string {
  const url = new URL(loginUrl, window.location.href);
  url.searchParams.set('redirect_uri', `${window.location.origin}${window.location.pathname}`);
  return url.href;
}

/** Shows the way to sign in; resolves once there is a token (development) — production leaves the page. */
export async function signIn(root: Element, config: PageConfig, reason?: string): Promise<void> {
  if (!config.devTokens) {
    if (config.identityProvider) {
      window.location.assign(identityProviderUrl(config.identityProvider.loginUrl));
      return new Promise(() => undefined);
    }
    replaceChildren(
      root,
      h('div', { class: 'signin' }, h('h1', null, '解纷 · 领导驾驶舱'), h('p', { class: 'error' }, '未配置统一身份认证(JIEFEN_IDP_LOGIN_URL),无法登录。')),
    );
    return new Promise(() => undefined);
  }
  const res = await fetch(`${config.devTokens}/personas`);
  const { personas } = (await res.json()) as { personas: DevPersona[] };
  return new Promise((resolve) => {
    const status = h('p', { class: 'error' }, reason ?? '');
    const choose = async (persona: DevPersona) => {
      status.textContent = '';
      const answer = await fetch(`${config.devTokens}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: persona.key }),
      });
      const body = (await answer.json().catch(() => null)) as { token?: string } | null;
      if (!answer.ok || !body?.token) {
        status.textContent = '取得开发令牌失败';
        return;
      }
      storeToken(body.token);
      resolve();
    };
    replaceChildren(
      root,
      h(
        'div',
        { class: 'signin' },
        h('h1', null, '解纷 · 矛盾纠纷多元化解领导驾驶舱'),
        h('p', { class: 'dev-note' }, '开发环境:选择一个角色登录(令牌由网关的开发签发端签发;生产环境经各机关统一身份认证登录,无此页面)。'),
        status,
        h(
          'ul',
          { class: 'personas' },
          personas.map((p) =>
            h(
              'li',
              null,
              h(
                'button',
                { class: 'persona', data: { persona: p.key }, on: { click: () => void choose(p) } },
                h('strong', null, p.name),
                h('span', { class: 'org' }, p.organizationName),
                h('span', { class: 'meta' }, `${label(AGENCIES, p.agency)} · ${p.roles.map((r) => label(ROLES, r)).join('、')} · 辖区 ${p.jurisdiction}`),
                h('span', { class: 'desc' }, p.description),
              ),
            ),
          ),
        ),
      ),
    );
  });
}
