import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../services/ports';

const SECRET_KEYS = /token|secret|password|authorization|key/i;

/**
 * Keeps secrets out of logs whatever a caller passes in, and keeps an Error's name and message (its own
 * properties are not enumerable, so JSON would log it as {}).
 */
export function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return data;
  const describe = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : value);
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : describe(v)]),
  );
}

/** A plain line logger to <folder>/carewindow.log and the console. Logging must never break the app. */
export function fileLogger(folder: string | null, echo = true): Logger {
  let file: string | null = null;
  if (folder) {
    try {
      mkdirSync(folder, { recursive: true });
      file = join(folder, 'carewindow.log');
    } catch {
      file = null;
    }
  }
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const line = `${new Date().toISOString()} ${level} ${message}${data ? ` ${JSON.stringify(redact(data))}` : ''}`;
    if (echo) (level === 'ERROR' ? console.error : console.log)(line);
    if (file) {
      try {
        appendFileSync(file, `${line}\n`);
      } catch {
        // A full disk must not turn a log line into a crash.
      }
    }
  };
  return {
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
  };
}
