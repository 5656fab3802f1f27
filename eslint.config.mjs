// Lint rules, including the layer borders: host → bot → dialogs → app → cards, storage → core (docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const botbuilder = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'botbuilder belongs in bot/ and dialogs/ only.',
};
const tables = { group: ['@azure/data-tables'], message: '@azure/data-tables belongs in storage/ only.' };
const templating = { group: ['adaptivecards-templating'], message: 'adaptivecards-templating belongs in cards/ only.' };
const io = {
  group: ['fs', 'node:*', 'http', 'https', 'net', 'restify', '@azure/*', 'azurite', 'azurite/*'],
  message: 'core/ holds pure rules without I/O.',
};
const upward = (layers) => ({
  group: layers.map((l) => `**/${l}/*`),
  message: 'Imports point one way: host → bot → dialogs → app → cards, storage → core.',
});
// inside app/: another feature's files are its own; its index (`../polls`) is what it offers. ports/ and jobs/ are shared.
const featureFace = {
  regex: '^\\.\\./(?!ports/|jobs/|\\.)[^/]+/',
  message: 'Import another feature through its index (../feature), not its files.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'devTools/', '.data/', 'coverage/', 'test/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // compiled to CommonJS, a local named `exports` shadows the module's own and silently breaks exported constants.
      'no-restricted-syntax': [
        'error',
        {
          selector: "VariableDeclarator > Identifier.id[name='exports']",
          message: 'a local named exports shadows the CommonJS exports object',
        },
        {
          selector: ":function > Identifier.params[name='exports']",
          message: 'a parameter named exports shadows the CommonJS exports object',
        },
        {
          selector: ":function ObjectPattern > Property > Identifier.value[name='exports']",
          message: 'a parameter named exports shadows the CommonJS exports object',
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict([
      botbuilder,
      tables,
      templating,
      io,
      upward(['storage', 'cards', 'dialogs', 'app', 'bot', 'host']),
    ]),
  },
  {
    files: ['storage/**/*.ts'],
    rules: restrict([botbuilder, templating, upward(['cards', 'dialogs', 'app', 'bot', 'host'])]),
  },
  {
    files: ['cards/**/*.ts'],
    rules: restrict([botbuilder, tables, upward(['storage', 'dialogs', 'app', 'bot', 'host'])]),
  },
  // the product's features: no Teams SDK, no table client, no templating; one feature reaches another only through its index.
  { files: ['app/*.ts'], rules: restrict([botbuilder, tables, templating, upward(['dialogs', 'bot', 'host'])]) },
  {
    files: ['app/*/**/*.ts'],
    ignores: ['app/**/*.spec.ts'],
    rules: restrict([botbuilder, tables, templating, upward(['dialogs', 'bot', 'host']), featureFace]),
  },
  { files: ['dialogs/**/*.ts'], rules: restrict([tables, templating, upward(['bot', 'host'])]) },
  { files: ['bot/**/*.ts'], rules: restrict([tables, templating, upward(['host'])]) },
  { files: ['host/**/*.ts'], rules: restrict([botbuilder, tables, templating]) },
  { files: ['manifest/**/*.ts', 'bench/**/*.ts', 'supply-chain/**/*.ts'], rules: restrict([tables, templating]) },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
