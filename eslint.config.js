// Flat ESLint config: TypeScript rules plus the layer rules of STYLE.md —
// subgraphs never import each other, packages/ never imports a subgraph,
// domain/ imports no ORM and no GraphQL.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['governance', 'justice', 'court', 'police', 'procuratorate', 'petition'];
const ORM_AND_GRAPHQL = ['@mikro-orm/*', 'graphql', 'graphql-*', 'type-graphql', '@apollo/*', 'dataloader', '@jiefen/subgraph-kit', '@jiefen/database'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'schema/*.graphql', 'schema/subgraphs/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'import-x/no-duplicates': 'error',
      'no-console': 'off',
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
    return [
      { files: [`subgraphs/${name}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: isolation }] } },
      { files: [`subgraphs/${name}/src/domain/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: [...isolation, ...purity] }] } },
    ];
  }),
  // packages/ is shared code: it never reaches into a subgraph.
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...SUBGRAPHS.map((s) => `@jiefen/${s}`), '@jiefen/schema'], message: 'packages/ 不得引用子图。' },
          { regex: '(^|/)subgraphs/', message: 'packages/ 不得引用子图。' },
        ],
      }],
    },
  },
);
