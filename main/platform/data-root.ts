import path from 'node:path';

export interface DataRootInputs {
  /** Electron's `app.isPackaged`: an installed build, as opposed to development, tests or the preview. */
  readonly isPackaged: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argv: readonly string[];
  /** Electron's user-data folder, the default. */
  readonly userData: string;
}

export interface DataRoot {
  readonly dir: string;
  readonly source: 'user-data' | 'env' | 'flag';
  /** A request that was not followed, and why (for the log). */
  readonly ignored?: string;
}

const FLAG = '--data-dir';

/**
 * Where CareWindow keeps its data, decided deliberately:
 * - `--data-dir=<full path>` on the command line is honoured in every build: it is visible in the shortcut
 *   that starts the app, so portable use is always a choice someone made;
 * - `CAREWINDOW_DATA_DIR` is honoured only when not packaged (development, tests, the preview). An
 *   environment variable is invisible and inherited: one left over from a test or set by another program
 *   would silently open an installed app on another (often empty) folder, and the owner would think their
 *   customers were gone;
 * - otherwise Electron's user-data folder.
 * Pure (no Electron), so the decision is unit-tested.
 */
export function chooseDataRoot(inputs: DataRootInputs): DataRoot {
  const notes: string[] = [];
  const flag = flagValue(inputs.argv);
  if (flag !== undefined) {
    if (path.isAbsolute(flag)) return { dir: path.normalize(flag), source: 'flag' };
    notes.push(`${FLAG} needs a full path, not "${flag}"; it was ignored.`);
  }
  const env = inputs.env.CAREWINDOW_DATA_DIR;
  if (env !== undefined && env !== '') {
    if (!inputs.isPackaged) return { dir: path.resolve(env), source: 'env' };
    notes.push(`CAREWINDOW_DATA_DIR is ignored in an installed CareWindow; use ${FLAG}=<folder> instead.`);
  }
  return notes.length > 0
    ? { dir: inputs.userData, source: 'user-data', ignored: notes.join(' ') }
    : { dir: inputs.userData, source: 'user-data' };
}

/** `--data-dir=<path>` or `--data-dir <path>`; the last one wins, as with most command lines. */
function flagValue(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith(`${FLAG}=`)) value = arg.slice(FLAG.length + 1);
    else if (arg === FLAG) value = argv[i + 1];
  });
  return value;
}
