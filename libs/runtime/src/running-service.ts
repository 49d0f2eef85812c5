/** What every service's start function returns: where it listens and how to stop it. */
export interface RunningService {
  /** Platform name of the service (features, fop-pretrainer, ...). */
  name: string;
  /** gRPC (or HTTP for the gateway) address, host:port. */
  address: string;
  stop(): Promise<void>;
}
