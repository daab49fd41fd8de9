import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = resolve(import.meta.dirname, '../..');

/**
 * The project's own eslint.config.mjs, minus the type-aware rules: a probe is a file that does not exist
 * on disk, and the rules under test here (imports, syntax) need no type information.
 */
const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...(tseslint.configs.disableTypeChecked as Linter.Config) }],
});

export interface Finding {
  ruleId: string | null;
  message: string;
}

/** Lints `source` as if it were the file at `path` (relative to the project root). */
export async function lintAt(path: string, source: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, path) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

/** Lints files that exist on disk (fixtures that the project's own lint run ignores). */
export async function lintFiles(paths: string[]): Promise<Finding[]> {
  const results = await eslint.lintFiles(paths.map((path) => resolve(root, path)));
  return results.flatMap((result) => result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
