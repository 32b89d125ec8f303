/**
 * Just the issue-6 check-evaluation comparison, without the local stack:
 * `npx tsx test/bench/permissions/main.ts` prints the report section (docs/benchmarks.md is
 * written only by `npm run bench`).
 */
import { runPermissionsBench } from './permissionsBench.ts';
import { renderPermissionsSection } from './report.ts';

runPermissionsBench((message) => console.error(`[bench] ${message}`))
  .then((result) => console.log(`## Check evaluation vs casbin (issue 6)\n\n${renderPermissionsSection(result)}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
