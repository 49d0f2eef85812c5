import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '@ser/logging';

/**
 * Routes kafkajs' own logging into pino at warn and above: its info/debug chatter (every join,
 * fetch and commit) would drown the service's lines about its messages.
 */
// The bus bounds the idempotent producer's retries on purpose (see PUBLISH_RETRY in kafka-bus.ts);
// kafkajs warns about that on every producer it creates.
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer'];

export function kafkajsLogCreator(logger: Logger): logCreator {
  const log = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log: entry }) => {
      const { message, ...extra } = entry;
      if (EXPECTED_WARNINGS.some((w) => message.startsWith(w))) return;
      // Creating a topic that exists already is how the bus makes sure it exists; not an error.
      if (message.startsWith('Response CreateTopics') && extra.error === 'Topic creation errors') return;
      if (level === logLevel.ERROR) log.error({ namespace, ...extra }, message);
      else if (level === logLevel.WARN) log.warn({ namespace, ...extra }, message);
    };
}
