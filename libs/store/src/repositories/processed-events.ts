import type { Queryable } from '../db/db';

/**
 * Idempotent consumers: a consumer records an event id in the same transaction as the event's effect, and
 * skips the event when it was recorded before (Kafka delivers at least once).
 */
export class ProcessedEventRepository {
  constructor(private readonly q: Queryable) {}

  /** True only the first time a (consumer, eventId) pair is marked, even under concurrent calls. */
  async markProcessed(consumer: string, eventId: string): Promise<boolean> {
    const rows = await this.q.query(
      'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id',
      [consumer, eventId],
    );
    return rows.length === 1;
  }

  async isProcessed(consumer: string, eventId: string): Promise<boolean> {
    const rows = await this.q.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [consumer, eventId]);
    return rows.length === 1;
  }
}
