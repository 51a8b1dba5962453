// Flat ESLint config: TypeScript rules plus the layer rules of STYLE.md —
// subgraphs never import each other, packages/ never imports a subgraph,
// domain/ imports no ORM and no GraphQL.
import { readFileSync } from 'node:fs';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The agency directory (packages/auth/src/agencies.json) names the subgraphs.
const AGENCIES = JSON.parse(readFileSync(new URL('./packages/auth/src/agencies.json', import.meta.url), 'utf8'));
const SUBGRAPHS = Object.values(AGENCIES).map((agency) => agency.subgraph);
const ORM_AND_GRAPHQL = ['@mikro-orm/*', 'graphql', 'graphql-*', 'type-graphql', '@apollo/*', 'dataloader', '@jiefen/subgraph-kit', '@jiefen/database'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'schema/*.graphql', 'schema/subgraphs/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      // No circles between modules: a cycle means two files that are really one, or a half in the wrong place.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],

      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'import-x/no-duplicates': 'error',
      'no-console': 'off',
    },
  },
  // Type-aware rules on the TypeScript of the project (the configs and scripts in plain JS are not in a tsconfig).
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error (and, around the outbox and the workers, an event).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  // Subgraphs never import each other (by package name or by relative path); their domain/ is
  // pure TypeScript (rules, clocks, state machines) with no ORM and no GraphQL.
  ...SUBGRAPHS.flatMap((name) => {
    const others = SUBGRAPHS.filter((other) => other !== name);
    const isolation = [
      { group: others.map((other) => `@jiefen/${other}`), message: '子图之间不得互相引用:跨部门的交互走网关或对接事件。' },
      { regex: `(^|/)\\.\\./.*(${others.join('|')})/`, message: '子图之间不得互相引用。' },
      { group: ['@jiefen/gateway', '@jiefen/schema'], message: '子图不依赖网关或 schema 工作区。' },
    ];
    const purity = [
      { group: ORM_AND_GRAPHQL, message: 'domain/ 只放纯业务规则:不得引用 ORM 或 GraphQL。' },
      { regex: '(^|/)(entities|graphql|services|loaders)/', message: 'domain/ 不得引用实体、GraphQL 或服务层。' },
    ];
    const services = [{ regex: '(^|/)graphql/', message: '服务层不得引用 GraphQL 类型:输入在解析器里转换为领域对象后再交给服务。' }];
    return [
      { files: [`subgraphs/${name}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: isolation }] } },
      { files: [`subgraphs/${name}/src/services/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: [...isolation, ...services] }] } },
      { files: [`subgraphs/${name}/src/domain/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: [...isolation, ...purity] }] } },
    ];
  }),
  // packages/ is shared code: it never reaches into a subgraph; what ships never imports the test infrastructure.
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/*/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...SUBGRAPHS.map((s) => `@jiefen/${s}`), '@jiefen/schema'], message: 'packages/ 不得引用子图。' },
            { regex: '(^|/)subgraphs/', message: 'packages/ 不得引用子图。' },
            { group: ['@jiefen/gateway', '@jiefen/testing'], message: 'packages/ 是随产品发布的代码:不得引用网关或测试设施。' },
          ],
        },
      ],
    },
  },
  // The workflow package holds the domain error and the state machines that every domain/ imports:
  // it stays free of the ORM, GraphQL and the other packages (the kit depends on it, not the reverse).
  {
    files: ['packages/workflow/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@jiefen/*', ...ORM_AND_GRAPHQL], message: 'packages/workflow 不依赖任何其他包:领域层直接引用它。' },
            { regex: '(^|/)subgraphs/', message: 'packages/ 不得引用子图。' },
          ],
        },
      ],
    },
  },
  // The gateway ships too: it never imports the test infrastructure.
  {
    files: ['gateway/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@jiefen/testing'], message: '网关不得引用测试设施。' }] }] },
  },
);
