import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Typed operations from the gateway's schema (graphql-codegen's client preset): every `graphql(...)` document in
 * src/ gets its result and variable types in src/gql/. `npm run codegen -w services/console` regenerates them;
 * src/codegen-drift.spec.ts fails when the committed files differ from what the current schema produces.
 *
 * It also writes src/gql/persisted-documents.json: every operation as sha256 -> text, the manifest a gateway runs
 * as its safelist (SER_GATEWAY_TRUSTED_DOCUMENTS). The console sends exactly those texts (apollo/trusted-documents.ts),
 * with __typename added as Apollo's cache adds it, so it works with the safelist on or off.
 */
const config: CodegenConfig = {
  schema: here('../gateway/src/schema.graphql'),
  documents: [here('src/**/*.tsx'), here('src/**/*.ts'), `!${here('src/gql/**')}`, `!${here('src/**/*.spec.ts')}`],
  ignoreNoDocuments: false,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // JSON bags stay unknown until read; uploads are browser Files; DateTime travels as an ISO 8601 string.
        scalars: { JSON: 'unknown', Upload: 'File | Blob', DateTime: 'string' },
      },
    },
  },
};

export default config;
