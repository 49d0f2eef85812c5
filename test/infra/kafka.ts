// Starts a real Apache Kafka 3.9 broker (KRaft, broker+controller in one JVM) from the jars that
// deploy/kafka/fetch.sh puts in deploy/kafka/lib. Tests and `npm test` use it; nothing is mocked.
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, once, terminate } from './process';

export interface StartKafkaOptions {
  /** Where the broker keeps its logs and metadata; a temp dir (removed on stop) when absent. */
  dataDir?: string;
  /** Maximum JVM heap in MB (512–1024 is plenty for tests). Default 768. */
  heapMb?: number;
  /** Bootstrap port; a free loopback port when absent (start.sh passes a fixed one for humans). */
  port?: number;
  /** Progress lines (not the broker's own log, which goes to <dataDir>/server.log). */
  log?: (s: string) => void;
  /**
   * A second listener with SASL_SSL (SCRAM-SHA-512 over TLS), as managed clusters offer: a self-signed CA and a
   * server certificate for 127.0.0.1 made with openssl, the user created when the storage is formatted.
   */
  saslSsl?: { username: string; password: string };
}

export interface SaslSslListener {
  /** host:port of the SASL_SSL listener. */
  brokers: string;
  username: string;
  password: string;
  /** PEM file of the CA that signed the broker's certificate (what a client trusts). */
  caFile: string;
}

export interface RunningKafka {
  /** Comma-separated host:port list for kafkajs / SER_TEST_KAFKA_BROKERS. */
  brokers: string;
  /** The SASL_SSL listener, when asked for. */
  saslSsl?: SaslSslListener;
  /** SIGTERM, then SIGKILL after a grace period; removes the temp data dir it created. Safe to call twice. */
  stop(): Promise<void>;
}

const LIB_DIR = fileURLToPath(new URL('../../deploy/kafka/lib', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 20_000;
// SIGTERM is the broker's controlled shutdown.
const STOP_SIGNAL = 'SIGTERM';

export async function startKafka(opts: StartKafkaOptions = {}): Promise<RunningKafka> {
  const log = opts.log ?? (() => {});
  assertJarsPresent();
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'ser-kafka-'));
  mkdirSync(dataDir, { recursive: true });
  try {
    // A free port can be taken between probing and the JVM binding it; start again on fresh ports then.
    for (let attempt = 1; ; attempt++) {
      const ports = { broker: opts.port ?? (await freePort()), controller: await freePort(), saslSsl: opts.saslSsl ? await freePort() : undefined };
      const tls = opts.saslSsl ? makeCertificates(dataDir) : undefined;
      const files = writeConfig(dataDir, ports, tls);
      // A data dir that holds a cluster already (a broker restarted on it) keeps its cluster id: formatting it
      // again with a new id fails, even with --ignore-formatted.
      if (!existsSync(join(dataDir, 'data', 'meta.properties'))) await formatStorage(files, opts.saslSsl);
      const started = Date.now();
      log(`kafka: starting broker on 127.0.0.1:${ports.broker} (data ${dataDir})`);
      const child = launchBroker(files, opts.heapMb ?? 768);
      const brokers = `127.0.0.1:${ports.broker}`;
      try {
        await waitUntilReady(brokers, child, files);
      } catch (err) {
        await terminate(child, STOP_SIGNAL, STOP_GRACE_MS);
        if (attempt < 3 && !opts.port && /Address already in use/.test(tail(files))) continue;
        throw err;
      }
      log(`kafka: ready at ${brokers} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const saslSsl = opts.saslSsl && tls && { brokers: `127.0.0.1:${ports.saslSsl}`, ...opts.saslSsl, caFile: tls.caFile };
      return { brokers, ...(saslSsl && { saslSsl }), stop: once(() => stopBroker(child, ownsDataDir ? dataDir : null)) };
    }
  } catch (err) {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

function assertJarsPresent(): void {
  const present = existsSync(LIB_DIR) && readdirSync(LIB_DIR).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  if (!present) throw new Error('Kafka jars not found in deploy/kafka/lib: run `npm run setup:infra`');
}

interface ConfigFiles {
  dir: string;
  serverProperties: string;
  log4j: string;
  serverLog: string;
  stdoutLog: string;
}

/** A CA and a server certificate for 127.0.0.1/localhost signed by it (PEM), valid for two days. */
function makeCertificates(dir: string): { caFile: string; keystore: string } {
  const tlsDir = join(dir, 'tls');
  mkdirSync(tlsDir, { recursive: true });
  const at = (name: string) => join(tlsDir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '2', '-subj', '/CN=ser-test-ca');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=localhost');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('server.crt'),
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
  );
  // Kafka reads a PEM keystore: the PKCS#8 key and the certificate chain in one file.
  writeFileSync(at('server.pem'), readFileSync(at('server.key'), 'utf8') + readFileSync(at('server.crt'), 'utf8'));
  return { caFile: at('ca.crt'), keystore: at('server.pem') };
}

function writeConfig(dir: string, ports: { broker: number; controller: number; saslSsl?: number }, tls?: { keystore: string }): ConfigFiles {
  const files: ConfigFiles = {
    dir,
    serverProperties: join(dir, 'server.properties'),
    log4j: join(dir, 'log4j.properties'),
    serverLog: join(dir, 'server.log'),
    stdoutLog: join(dir, 'stdout.log'),
  };
  const server = {
    'node.id': 1,
    'process.roles': 'broker,controller',
    'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': join(dir, 'data'),
    'num.partitions': 3,
    'auto.create.topics.enable': true,
    'offsets.topic.replication.factor': 1,
    // 50 offset/transaction partitions (the default) cost seconds on the first consumer group of a run.
    'offsets.topic.num.partitions': 6,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 6,
    'group.initial.rebalance.delay.ms': 0,
    // Lets tests use short consumer session timeouts, so a dead member is noticed in ~2 s.
    'group.min.session.timeout.ms': 1000,
    // Small segments and indexes: test topics hold a handful of messages, and the disk is shared.
    'log.segment.bytes': 8 * 1024 * 1024,
    'log.index.size.max.bytes': 1024 * 1024,
    'log.retention.hours': 24,
    'log.cleaner.dedupe.buffer.size': 4 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 4,
  };
  if (ports.saslSsl !== undefined && tls) {
    const listener = `SASL_SSL://127.0.0.1:${ports.saslSsl}`;
    Object.assign(server, {
      listeners: `${server.listeners},${listener}`,
      'advertised.listeners': `${server['advertised.listeners']},${listener}`,
      'listener.security.protocol.map': `${server['listener.security.protocol.map']},SASL_SSL:SASL_SSL`,
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': tls.keystore,
    });
  }
  const log4j = [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${files.serverLog}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    // Per-request and per-partition state lines would dwarf everything useful.
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    'log4j.logger.kafka.log.LogCleaner=WARN',
  ];
  const props = Object.entries(server).map(([k, v]) => `${k}=${v}`);
  writeFileSync(files.serverProperties, props.join('\n') + '\n');
  writeFileSync(files.log4j, log4j.join('\n') + '\n');
  return files;
}

function javaArgs(files: ConfigFiles, heapMb: number): string[] {
  return [
    `-Xms${Math.min(512, heapMb)}m`,
    `-Xmx${heapMb}m`,
    // Two cores: a serial collector keeps GC threads from competing with the tests.
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${files.log4j}`,
    `-Dkafka.logs.dir=${files.dir}`,
    '-cp',
    `${LIB_DIR}/*`,
  ];
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64; a leading '-' would read as a CLI flag. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatStorage(files: ConfigFiles, scramUser?: { username: string; password: string }): Promise<void> {
  const args = [
    ...javaArgs(files, 256),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId(),
    '-c',
    files.serverProperties,
    '--ignore-formatted',
    // SCRAM credentials live in the cluster metadata; formatting is where KRaft takes the first ones (KIP-900).
    ...(scramUser ? ['--add-scram', `SCRAM-SHA-512=[name=${scramUser.username},password=${scramUser.password}]`] : []),
  ];
  return new Promise((resolve, reject) => {
    execFile('java', args, { timeout: 60_000 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(javaMissing());
      reject(new Error(`Kafka storage format failed: ${err.message}\n${stdout}${stderr}`));
    });
  });
}

function javaMissing(): Error {
  return new Error('java not found on PATH: the Kafka broker needs a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)');
}

function launchBroker(files: ConfigFiles, heapMb: number): ChildProcess {
  const out = openSync(files.stdoutLog, 'a');
  const child = spawn('java', [...javaArgs(files, heapMb), 'kafka.Kafka', files.serverProperties], {
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  // A test runner that dies without calling stop() must not leave a JVM holding ports and memory.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

async function waitUntilReady(brokers: string, child: ChildProcess, files: ConfigFiles): Promise<void> {
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = (err as NodeJS.ErrnoException).code === 'ENOENT' ? javaMissing() : err));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'no attempt yet';
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Kafka broker exited during startup (code ${child.exitCode}, signal ${child.signalCode}). Log tail:\n${tail(files)}`);
    }
    const admin = new Kafka({
      clientId: 'ser-test-infra',
      brokers: [brokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1000,
    }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return;
    } catch (err) {
      lastError = (err as Error).message;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Kafka broker at ${brokers} not ready after ${READY_TIMEOUT_MS / 1000} s (last error: ${lastError}). Log tail:\n${tail(files)}`);
}

/** The last lines of the broker's log and of the JVM's own output, for error messages. */
function tail(files: ConfigFiles, lines = 40): string {
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').slice(-lines).join('\n') : '');
  return [read(files.serverLog), read(files.stdoutLog)].filter(Boolean).join('\n--- jvm stdout/stderr ---\n');
}

async function stopBroker(child: ChildProcess, tempDir: string | null): Promise<void> {
  await terminate(child, STOP_SIGNAL, STOP_GRACE_MS);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
