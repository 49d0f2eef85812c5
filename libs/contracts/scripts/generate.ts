// `npm run proto:gen`: regenerates libs/contracts/src/generated from proto/ with PROTO_LOADER_OPTIONS.
import { GENERATED_DIR, generateTypes } from './gen-types';

await generateTypes(GENERATED_DIR);
console.log(`generated proto types in ${GENERATED_DIR}`);
