export { startKafka } from './kafka';
export { startPostgres } from './postgres';
export { startS3 } from './s3';
