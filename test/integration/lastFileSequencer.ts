/**
 * Runs the files under `test/integration/first/` before every other file and those under
 * `test/integration/last/` after every other file, in the default order otherwise.
 *
 * First: the change-event tests. The local stream poller reads every write of the run; after a
 * full run's writes it stops delivering within the tests' wait (a known gap of the local poller,
 * listed in the README's Areas for improvement), so they run while the stream is short.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LastFileSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFirst = (file: TestSpecification) => file.moduleId.includes('/test/integration/first/');
    const isLast = (file: TestSpecification) => file.moduleId.includes('/test/integration/last/');
    return [...sorted.filter(isFirst), ...sorted.filter((file) => !isFirst(file) && !isLast(file)), ...sorted.filter(isLast)];
  }
}
