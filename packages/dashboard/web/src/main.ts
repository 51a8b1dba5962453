// Start-up: the page's configuration from the gateway, a token (handed over by the identity
// provider, or picked persona in development), then the dashboard.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './style.css';
import { loadConfig, SignInRequired, type PageConfig } from './api.js';
import { startDashboard } from './app.js';
import { bearerToken, clearToken, takeTokenFromAddress } from './auth.js';
import { h, replaceChildren } from './dom.js';
import { signIn } from './signin.js';

async function begin(root: Element, config: PageConfig, reason?: string): Promise<void> {
  if (!bearerToken()) await signIn(root, config, reason);
  const token = bearerToken();
  if (!token) throw new SignInRequired();
  const view = new AbortController();
  startDashboard(root, token, {
    signal: view.signal,
    signOut: (why) => {
      view.abort();
      clearToken();
      // The next person starts at their own jurisdiction.
      history.replaceState(null, '', window.location.pathname);
      void begin(root, config, why);
    },
  });
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const config = await loadConfig();
    takeTokenFromAddress();
    await begin(root, config);
  } catch (e) {
    replaceChildren(root, h('p', { class: 'message error' }, `驾驶舱启动失败:${e instanceof Error ? e.message : String(e)}`));
  }
}

void main();
