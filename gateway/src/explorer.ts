// The offline GraphQL explorer (GraphiQL) for development. Apollo's landing page loads from a CDN,
// and agency networks have no internet: every byte of this page is served by the gateway itself,
// from the prebuilt browser bundles of the `graphiql` 3 (UMD), `react` and `react-dom` 18 packages.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '@jiefen/subgraph-kit';
import { send, served, type Served } from './static-files.js';

export interface ExplorerOptions {
  /** The GraphQL endpoint the explorer sends requests to (default `/graphql`, same origin). */
  endpoint?: string;
  /** Where the page is served (default `/explorer`); its files are under `<path>/assets/`. */
  path?: string;
  /** Redirect `GET /` to the page (default true). */
  redirectRoot?: boolean;
  /** The query of the first tab on a first visit (later visits restore the browser's own tabs). */
  defaultQuery?: string;
  /** The variables of that first tab. */
  defaultVariables?: Record<string, unknown>;
  /** Request headers pre-filled in the headers editor, as JSON text (e.g. a development token). */
  defaultHeaders?: string;
}

/**
 * The example shown on a first visit: disputes (governance) joined with their court cases (court),
 * as the leader sees them. Its comment says how to get a development token, without which every
 * list answers UNAUTHENTICATED; test/explorer-example.e2e.ts runs it as written.
 */
export const DEFAULT_EXPLORER_QUERY = `# 解纷 Jiefen 接口调试(仅开发环境)
#
# 1. 先取开发令牌:在项目目录运行
#      npm run -s token -- leader
#    (其他角色:hub-coordinator、mediator、court-staff、police-officer、
#     petition-officer、procurator、legal-aid;npm run token -- --help 列出全部)
# 2. 打开下方 "Headers" 标签,填入:
#      { "Authorization": "Bearer <上一步输出的令牌>" }
# 3. Ctrl-Enter 执行。不带令牌只能查公开数据,如 region、mediationOrganizations、publishedExperts。
#
# 一次查询跨越多个部门子图:纠纷来自综治中心(governance),
# 法院案件(courtCases)由网关自动向法院子图(court)补齐。
# 左侧"文档"按钮查看全部类型与字段;请用变量传参(下方"Variables")。

query RecentDisputes($first: Int!, $regionCode: String) {
  disputes(first: $first, regionCode: $regionCode) {
    totalCount
    edges {
      node {
        number
        category
        channel
        status
        statusLabel
        summary
        registeredAt
        region {
          code
          name
        }
        courtCases {
          caseNumber
          cause
          stage
          status
          statusLabel
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const DEFAULT_EXPLORER_VARIABLES = { first: 5 };

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** Prebuilt browser bundles, read from the installed npm packages (never from a CDN). */
const VENDOR_ASSETS: { name: string; pkg: string; file: string; type: string }[] = [
  { name: 'react.production.min.js', pkg: 'react', file: 'umd/react.production.min.js', type: JS },
  { name: 'react-dom.production.min.js', pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: JS },
  { name: 'graphiql.min.js', pkg: 'graphiql', file: 'graphiql.min.js', type: JS },
  { name: 'graphiql.min.css', pkg: 'graphiql', file: 'graphiql.min.css', type: CSS },
];

/**
 * Same-origin only: the page may load scripts, styles and data from the gateway and nothing else
 * (GraphiQL sets inline styles and embeds its fonts as data: URLs).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Starts GraphiQL in the page; configuration comes from the page's JSON block (no inline script). */
const CLIENT_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  function fail(message) {
    root.textContent = '';
    var p = document.createElement('p');
    p.className = 'jiefen-message jiefen-error';
    p.textContent = message;
    root.appendChild(p);
  }
  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    fail('接口调试工具加载失败:脚本文件缺失,请检查网关日志。');
    return;
  }
  try {
    var config = JSON.parse(document.getElementById('jiefen-explorer-config').textContent);
    var url = new URL(config.endpoint, window.location.href).href;
    var tab = { query: config.defaultQuery, variables: config.defaultVariables };
    if (config.defaultHeaders) tab.headers = config.defaultHeaders;
    var props = {
      fetcher: window.GraphiQL.createFetcher({ url: url }),
      defaultQuery: config.defaultQuery,
      defaultTabs: [tab],
      defaultEditorToolsVisibility: 'variables',
      shouldPersistHeaders: false
    };
    if (config.defaultHeaders) props.defaultHeaders = config.defaultHeaders;
    // GraphiQL 3 fills the variables editor from storage only, not from defaultTabs: give the
    // example's variables on a first visit (nothing stored yet), never over a returning user's tabs.
    if (!stored('graphiql:tabState') && !stored('graphiql:variables')) props.variables = config.defaultVariables;
    window.ReactDOM.createRoot(root).render(window.React.createElement(window.GraphiQL, props));
  } catch (error) {
    fail('接口调试工具启动失败:' + (error && error.message ? error.message : String(error)));
  }
})();
`;

const PAGE_STYLE = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
.jiefen-message { font: 16px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #555; }
.jiefen-error { color: #b00020; }`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function renderPage(assetBase: string, config: Record<string, unknown>): string {
  const asset = (name: string) => escapeHtml(`${assetBase}/${name}`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>解纷 Jiefen 接口调试</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>
${PAGE_STYLE}
</style>
</head>
<body>
<div id="graphiql"><p class="jiefen-message">正在加载接口调试工具…</p></div>
<noscript><p class="jiefen-message">接口调试工具需要启用 JavaScript。</p></noscript>
<script type="application/json" id="jiefen-explorer-config">${jsonForScript(config)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('explorer.js')}"></script>
</body>
</html>
`;
}

/** Where an installed package's files are (its `package.json` is exported even when `umd/` is not). */
function packageDir(pkg: string): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** The page's path for these options (default `/explorer`). */
export function explorerPath(options: ExplorerOptions = {}): string {
  const path = (options.path ?? '/explorer').replace(/\/+$/, '');
  if (!path.startsWith('/')) throw new Error(`explorer path must start with "/" and not be "/": ${options.path}`);
  return path;
}

/**
 * Route handlers for the offline explorer: `GET /explorer` (the page), `GET /explorer/assets/…`
 * (GraphiQL, React and the page's start-up script) and, by default, `GET /` redirecting to the page.
 * Every route is also answered for HEAD. Throws at once when a bundle is not installed; the files
 * themselves are read on first request.
 */
export function createExplorerRoutes(options: ExplorerOptions = {}): Record<string, RouteHandler> {
  const path = explorerPath(options);
  const assetBase = `${path}/assets`;
  const config = {
    endpoint: options.endpoint ?? '/graphql',
    defaultQuery: options.defaultQuery ?? DEFAULT_EXPLORER_QUERY,
    defaultVariables: JSON.stringify(options.defaultVariables ?? DEFAULT_EXPLORER_VARIABLES, null, 2),
    defaultHeaders: options.defaultHeaders,
  };

  const routes: Record<string, RouteHandler> = {};
  const add = (pathname: string, handler: RouteHandler) => {
    routes[`GET ${pathname}`] = handler;
    routes[`HEAD ${pathname}`] = handler;
  };
  const constant = (type: string, text: string, extraHeaders?: Record<string, string>): RouteHandler => {
    const body = served(type, Buffer.from(text, 'utf8'));
    return (req, res) => send(req, res, body, extraHeaders);
  };
  const file = (type: string, filename: string): RouteHandler => {
    let body: Served | undefined;
    return (req, res) => {
      body ??= served(type, readFileSync(filename));
      send(req, res, body);
    };
  };

  add(
    path,
    constant(HTML, renderPage(assetBase, config), {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    }),
  );
  add(`${assetBase}/explorer.js`, constant(JS, CLIENT_SCRIPT));
  for (const asset of VENDOR_ASSETS) {
    const filename = join(packageDir(asset.pkg), asset.file);
    if (!existsSync(filename)) throw new Error(`explorer: ${asset.pkg} has no ${asset.file} (GraphiQL 3 and React 18 ship browser bundles)`);
    add(`${assetBase}/${asset.name}`, file(asset.type, filename));
  }
  if (options.redirectRoot ?? true) {
    add('/', (_req, res) => {
      res.writeHead(302, { location: path, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`接口调试工具:${path}\n`);
    });
  }
  return routes;
}
