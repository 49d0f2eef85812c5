import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './harness';

// Apollo Server listens for SIGINT/SIGTERM itself unless told not to (it skips that only when NODE_ENV is 'test',
// as under vitest), stops, then re-raises the signal: the process died by SIGTERM while `ser experiment` was still
// cancelling its runs and the platform's other services were stopping.
describe('the gateway and termination signals', () => {
  let t: TestGateway | undefined;
  const nodeEnv = process.env.NODE_ENV;
  afterEach(async () => {
    process.env.NODE_ENV = nodeEnv;
    await t?.stop();
  });

  it('adds no SIGINT or SIGTERM listener of its own, whatever NODE_ENV is', async () => {
    process.env.NODE_ENV = 'production';
    const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    t = await startTestGateway();
    expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(before);
  });
});
