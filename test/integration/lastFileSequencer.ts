/**
 * Runs the files under `test/integration/last/` after every other file, in the default order otherwise:
 * the least-privilege check reads what the whole run sent.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LastFileSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLast = (file: TestSpecification) => file.moduleId.includes('/test/integration/last/');
    return [...sorted.filter((file) => !isLast(file)), ...sorted.filter(isLast)];
  }
}
