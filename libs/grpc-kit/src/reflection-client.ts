// Asks a server what it serves through grpc.reflection.v1, as grpcurl does.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface ReflectionResponse {
  list_services_response?: { service: Array<{ name: string }> } | null;
  file_descriptor_response?: { file_descriptor_proto: Uint8Array[] } | null;
  error_response?: { error_code: number; error_message: string } | null;
}

function reflectionClientCtor() {
  // The reflection package ships the official reflection.proto next to its build.
  const packageDir = dirname(createRequire(import.meta.url).resolve('@grpc/reflection/package.json'));
  const definition = protoLoader.loadSync('grpc/reflection/v1/reflection.proto', {
    keepCase: true,
    defaults: true,
    oneofs: true,
    includeDirs: [join(packageDir, 'build/proto')],
  });
  const service = definition['grpc.reflection.v1.ServerReflection'] as grpc.ServiceDefinition;
  return grpc.makeGenericClientConstructor(service, 'ServerReflection');
}

let ctor: ReturnType<typeof reflectionClientCtor> | undefined;

/** Sends one reflection request and returns the first response. */
function reflect(address: string, request: object, deadlineMs: number): Promise<ReflectionResponse> {
  ctor ??= reflectionClientCtor();
  const client = new ctor(address, grpc.credentials.createInsecure());
  const call = (
    client as unknown as { ServerReflectionInfo(options: grpc.CallOptions): grpc.ClientDuplexStream<object, ReflectionResponse> }
  ).ServerReflectionInfo({ deadline: Date.now() + deadlineMs });
  return new Promise<ReflectionResponse>((resolve, reject) => {
    call.once('data', (response: ReflectionResponse) => {
      call.end();
      if (response.error_response) reject(new Error(`reflection error: ${response.error_response.error_message}`));
      else resolve(response);
    });
    call.once('error', reject);
    call.write(request);
  }).finally(() => client.close());
}

/** Fully-qualified names of the services at address, sorted, read through server reflection. */
export async function listServicesByReflection(address: string, deadlineMs = 2000): Promise<string[]> {
  const response = await reflect(address, { list_services: '*' }, deadlineMs);
  return (response.list_services_response?.service ?? []).map((s) => s.name).sort();
}

/** Serialized FileDescriptorProtos of the file defining `symbol` and its imports (what grpcurl reads). */
export async function fileDescriptorsByReflection(address: string, symbol: string, deadlineMs = 2000): Promise<Uint8Array[]> {
  const response = await reflect(address, { file_containing_symbol: symbol }, deadlineMs);
  return response.file_descriptor_response?.file_descriptor_proto ?? [];
}
