import type { z } from 'zod';

/** Turns the content of a version-n file into version n+1. Pure, and given only plain parsed JSON. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export interface Versioned {
  schemaVersion: number;
}

/** Everything the store knows about one kind of small JSON file: its shape, its history, its words. */
export interface JsonFileKind<T extends Versioned> {
  /** The file's name in its folder, e.g. contacts.json. */
  readonly fileName: string;
  /** What the file holds, as the owner would say it, starting a sentence: "Your contact list". */
  readonly label: string;
  /** The version this build writes. */
  readonly version: number;
  /** migrations[n] upgrades a version-n file to n+1; a gap means that version cannot be read. */
  readonly migrations: Readonly<Partial<Record<number, Migration>>>;
  readonly schema: z.ZodType<T>;
  defaults(): T;
  /** A short account of the content for a recovery message: "123 contacts". */
  describe(data: T): string;
  /** What the owner gets when no good copy is left, e.g. "CareWindow started with an empty contact list." */
  readonly emptyRecovery: string;
  /** Whether to keep `<name>.bak`, the previous good version; off for files rebuilt from other data. */
  readonly backup: boolean;
  /**
   * Written without indentation and in ASCII (ascii-json.ts): for machine-only files that are large and
   * read at every start, where the spaces cost size and parse time, UTF-8 costs decoding time, and no
   * person reads them. Default: indented UTF-8, as people may.
   */
  readonly compact?: boolean;
}

export type Upgraded<T> =
  | { ok: true; data: T; fromVersion: number }
  | { ok: false; newer: true; version: number }
  | { ok: false; newer: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings parsed file content up to the current version and validates it. A version newer than this build
 * knows is reported as such (never "damaged"), so the caller can leave the file alone instead of moving it.
 */
export function upgrade<T extends Versioned>(kind: JsonFileKind<T>, raw: unknown): Upgraded<T> {
  if (!isRecord(raw)) return { ok: false, newer: false, reason: 'it is not a JSON object' };
  const fromVersion = raw.schemaVersion;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 1) {
    return { ok: false, newer: false, reason: 'it has no valid schemaVersion' };
  }
  if (fromVersion > kind.version) return { ok: false, newer: true, version: fromVersion };

  let current = raw;
  for (let v = fromVersion; v < kind.version; v++) {
    const migrate = kind.migrations[v];
    if (!migrate) return { ok: false, newer: false, reason: `no migration from version ${v}` };
    try {
      current = { ...migrate(current), schemaVersion: v + 1 };
    } catch (err) {
      return { ok: false, newer: false, reason: `migration from version ${v} failed: ${String(err)}` };
    }
  }
  const parsed = kind.schema.safeParse(current);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(top)'}: ${first.message}` : 'invalid';
    return { ok: false, newer: false, reason: `it does not match the expected shape (${where})` };
  }
  return { ok: true, data: parsed.data, fromVersion };
}
