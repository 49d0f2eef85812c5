export { startKafka } from './kafka';
export { startPostgres } from './postgres';
