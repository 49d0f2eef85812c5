// The Buf style guide (STANDARD + COMMENTS: request/response names, enum prefixes, snake_case fields, a comment on
// everything) is checked by `buf lint` itself in npm test (scripts/test.sh, proto/buf.yaml). What is left here is
// what no lint rule knows: the set of services the platform serves.
import protobuf from 'protobufjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProtoFiles, PROTO_ROOT } from './loader-options';

function loadSerV1(): protobuf.Namespace {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
  const files = listProtoFiles().filter((file) => file.startsWith('ser/v1/'));
  root.loadSync(files, { keepCase: true, alternateCommentMode: true });
  root.resolveAll();
  return root.lookup('ser.v1') as protobuf.Namespace;
}

const services = loadSerV1().nestedArray.filter((o): o is protobuf.Service => o instanceof protobuf.Service);

describe('ser.v1 protos', () => {
  it('has the services the platform needs', () => {
    expect(services.map((s) => s.name).sort()).toEqual([
      'ClassifierTrainingService',
      'FeatureService',
      'FopPretrainService',
      'InferenceService',
      'ModelRegistryService',
      'VqvaePretrainService',
    ]);
  });
});
