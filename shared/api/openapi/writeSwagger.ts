/** `npm run docs` writes docs/swagger.json from the route manifest. */
import { writeFileSync } from 'node:fs';
import { renderSwagger, SWAGGER_PATH } from './swaggerFile.ts';

writeFileSync(SWAGGER_PATH, renderSwagger());
console.log(`wrote ${SWAGGER_PATH}`);
