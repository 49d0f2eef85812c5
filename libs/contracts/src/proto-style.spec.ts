// A small stand-in for `buf lint` (STANDARD + COMMENTS) so CI checks the Buf style without the buf binary.
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

function upperSnake(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

const pkg = loadSerV1();
const services = pkg.nestedArray.filter((o): o is protobuf.Service => o instanceof protobuf.Service);
const messages = pkg.nestedArray.filter((o): o is protobuf.Type => o instanceof protobuf.Type);
const enums = pkg.nestedArray.filter((o): o is protobuf.Enum => o instanceof protobuf.Enum);

describe('ser.v1 protos follow the Buf style guide', () => {
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

  it('gives every rpc its own XRequest / XResponse', () => {
    const used = new Set<string>();
    for (const method of services.flatMap((s) => s.methodsArray)) {
      expect(method.requestType, method.name).toBe(`${method.name}Request`);
      expect(method.responseType, method.name).toBe(`${method.name}Response`);
      expect(used.has(method.requestType) || used.has(method.responseType), `${method.name} reuses a type`).toBe(false);
      used.add(method.requestType).add(method.responseType);
    }
  });

  it('starts every enum with X_UNSPECIFIED = 0 and prefixes its values', () => {
    const all = [...enums, ...messages.flatMap((m) => m.nestedArray.filter((o): o is protobuf.Enum => o instanceof protobuf.Enum))];
    for (const e of all) {
      const prefix = upperSnake(e.name);
      expect(e.valuesById[0], e.name).toBe(`${prefix}_UNSPECIFIED`);
      for (const value of Object.keys(e.values)) expect(value.startsWith(`${prefix}_`), value).toBe(true);
    }
  });

  it('names fields in snake_case', () => {
    for (const field of messages.flatMap((m) => m.fieldsArray)) {
      expect(field.name, `${field.parent?.name}.${field.name}`).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    }
  });

  it('comments every service, rpc, message, field and enum value', () => {
    const missing: string[] = [];
    for (const s of services) {
      if (!s.comment) missing.push(s.name);
      for (const m of s.methodsArray) if (!m.comment) missing.push(`${s.name}.${m.name}`);
    }
    for (const m of messages) {
      if (!m.comment) missing.push(m.name);
      for (const f of m.fieldsArray) if (!f.comment) missing.push(`${m.name}.${f.name}`);
    }
    for (const e of enums) {
      if (!e.comment) missing.push(e.name);
      for (const value of Object.keys(e.values)) if (!e.comments[value]) missing.push(`${e.name}.${value}`);
    }
    expect(missing).toEqual([]);
  });
});
