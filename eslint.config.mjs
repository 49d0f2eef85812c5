// Flat config: typescript-eslint for code quality, nx module boundaries for architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';
import { storeWriteRules } from './scripts/store-table-owners.mjs';

// Each service folder may call only the store write methods of the tables it owns (scripts/store-table-owners.mjs);
// specs seed whatever rows they need, so they are left out.
const serviceFolders = readdirSync(new URL('./services', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const tableOwnership = serviceFolders.map((folder) => ({
  files: [`services/${folder}/**/*.ts`],
  ignores: ['**/*.spec.ts'],
  rules: storeWriteRules(folder),
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.nx/**',
      'deploy/kafka/lib/**',
      'deploy/tfjs-native/build/**',
      'libs/contracts/src/generated/**',
      'services/console/src/gql/**',
      '.data/**',
      'test/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Layering: libs are shared building blocks and never reach into services or apps;
      // services talk to each other over gRPC/Kafka, never by import.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:service', 'type:app', 'type:e2e'] },
          ],
        },
      ],
    },
  },
  ...tableOwnership,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
