import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dependencies point one way: infrastructure -> functions -> http -> services -> {store, identity,
 * login, docs} -> api -> {domain, config}. Each folder may import only the layers below it (and
 * itself); folders on one level do not import each other. A wrong-way import fails `npm run lint`.
 */
const LAYERS = [
  ['shared/domain', 'shared/config'],
  ['shared/api'],
  ['shared/store', 'shared/identity', 'shared/login', 'shared/docs'],
  ['shared/services'],
  ['shared/http'],
  ['functions'],
  ['infrastructure'],
];

const folderName = (folder) => folder.split('/').at(-1);

function layerRules() {
  return LAYERS.flatMap((level, index) =>
    level.map((folder) => {
      const forbidden = LAYERS.slice(index)
        .flat()
        .filter((other) => other !== folder);
      return {
        files: [`${folder}/**/*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: forbidden.map((other) => ({
                group: [`**/${folderName(other)}/*`, `**/${folderName(other)}/**`],
                message: `${folder} may not import ${other}: dependencies point infrastructure -> functions -> http -> services -> {store, identity, login, docs} -> api -> {domain, config}.`,
              })),
            },
          ],
        },
      };
    }),
  );
}

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', '.bench/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...layerRules(),
);
