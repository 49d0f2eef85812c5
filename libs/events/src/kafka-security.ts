// TLS and SASL for the Kafka clients, from the platform's settings: what a managed cluster (Confluent Cloud, MSK,
// Aiven, Strimzi with SCRAM) asks of a client. Off by default: the embedded broker and test brokers are plaintext.
import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** The shape of the platform config's `bus.tls` and `bus.sasl`. */
export interface KafkaSecuritySettings {
  tls?: {
    enabled: boolean;
    /** PEM file of the CA(s) that signed the brokers' certificates; unset: the system's trusted CAs. */
    caFile?: string;
    /** Checking the brokers' certificates can be turned off only for a throwaway cluster. */
    rejectUnauthorized?: boolean;
  };
  sasl?: { mechanism?: KafkaSaslMechanism; username?: string; password?: string };
}

/** kafkajs `ssl` and `sasl` options for the settings; throws when a mechanism lacks credentials or the CA file is unreadable. */
export function kafkaSecurityOptions(settings: KafkaSecuritySettings = {}): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const out: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  const { tls, sasl } = settings;
  if (tls?.enabled) {
    let ca: string | undefined;
    if (tls.caFile) {
      try {
        ca = readFileSync(tls.caFile, 'utf8');
      } catch (err) {
        throw new Error(`Kafka TLS CA file ${tls.caFile} cannot be read: ${(err as Error).message}`, { cause: err });
      }
    }
    out.ssl = { ...(ca && { ca: [ca] }), rejectUnauthorized: tls.rejectUnauthorized ?? true };
  }
  if (sasl?.mechanism) {
    if (!sasl.username || !sasl.password) throw new Error(`Kafka SASL ${sasl.mechanism} needs a username and a password`);
    out.sasl = { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
  return out;
}
