import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint messages for `code` as if it were the file at `filePath` (nothing is written). */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

// ESLint loads the whole config and typescript-eslint on first use: seconds on a busy machine, so not the default 5 s.
describe('the dependency rule (eslint.config.js)', { timeout: 60_000 }, () => {
  describe('no-restricted-imports per folder', () => {
    it('refuses an import from the store into http', async () => {
      const messages = await lintAs('shared/store/example.ts', "export { errorBody } from '../http/errors.ts';\n");

      expect(messages.join('\n')).toMatch(/no-restricted-imports: .*shared\/store may not import shared\/http/);
    });

    it('refuses a type import from the domain into the store', async () => {
      const messages = await lintAs(
        'shared/domain/access/example.ts',
        "import type { TableRef } from '../../store/client.ts';\nexport type Example = TableRef;\n",
      );

      expect(messages.join('\n')).toMatch(/shared\/domain may not import shared\/store/);
    });

    it('refuses an import between two folders of one level (identity and store)', async () => {
      const messages = await lintAs('shared/identity/example.ts', "export { defaultTable } from '../store/client.ts';\n");

      expect(messages.join('\n')).toMatch(/shared\/identity may not import shared\/store/);
    });

    it('lets services import the store and the domain', async () => {
      const messages = await lintAs(
        'shared/services/example.ts',
        "export { defaultTable } from '../store/client.ts';\nexport { notFound } from '../domain/errors.ts';\n",
      );

      expect(messages).toEqual([]);
    });
  });
});
