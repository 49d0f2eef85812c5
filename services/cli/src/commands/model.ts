import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCliConfig } from '../cli-config';
import { usageError } from '../cli-error';
import { MODEL_EXPORT_FORMATS, exportModelVersion, parseModelRef } from './model-export';
import { connectModelRegistry } from './model-registry-connection';

const HELP = `Usage: ser model export NAME[:VERSION|@ALIAS] --format onnx --out FILE [--remote]

export   writes a registered model version as ONNX (opset 17), any kept kind: inputs 'features' [batch, frames, 80]
         log-mel frames (the FOP-based kinds) or 'segments' [batch, segments, 32, 129] spectrogram segments (a
         sequence-model), rows right-padded, and 'lengths' [batch] int64; output 'probabilities' [batch, classes]
         (and 'logits' where the model has them); the class names and the front end's settings are in its
         metadata_props. NAME alone means NAME@<inference.defaultAlias> (production).

--remote  asks the model registry of the platform already running (SER_MODEL_REGISTRY_ADDRESS) which version the
          reference names; without it, a registry started in this process over the configured metadata store
          (SER_DATA_DIR / SER_STORE / SER_DATABASE_URL). The embedded store (PGlite) admits one process at a time:
          with 'npm start' running on it, pass --remote. The registry makes the export from the kept model in its
          artifact store (SER_ARTIFACT_STORE) and keeps it there, so exporting a version again is a download.
`;

export async function modelCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'onnx' },
      out: { type: 'string', short: 'o' },
      remote: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [action, target] = positionals;
  if (values.help || !action) return void process.stdout.write(HELP);
  if (action !== 'export') throw usageError(`unknown model action '${action}'\n\n${HELP}`);
  if (!target || positionals.length !== 2) throw usageError(`model export takes one NAME[:VERSION|@ALIAS]\n\n${HELP}`);
  if (!(MODEL_EXPORT_FORMATS as readonly string[]).includes(values.format!)) throw usageError(`--format must be one of ${MODEL_EXPORT_FORMATS.join(', ')}`);
  if (!values.out) throw usageError(`--out is required\n\n${HELP}`);
  const config = loadCliConfig();
  const ref = parseModelRef(target, config.inference.defaultAlias);
  const connection = await connectModelRegistry({ remote: values.remote ?? false });
  try {
    const done = await exportModelVersion(connection.registry, ref, resolve(values.out), values.format as (typeof MODEL_EXPORT_FORMATS)[number]);
    process.stderr.write(`wrote ${values.out}: ${done.name}:${done.version} as ONNX, ${(done.bytes / 1e6).toFixed(1)} MB\n`);
  } finally {
    await connection.close();
  }
}
