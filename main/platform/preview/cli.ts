import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileLogger } from '../node/file-logger';
import { startPreviewHost } from './host';

/**
 * `npm run preview`: the whole app in a browser on 127.0.0.1, for machines where Electron's binary is
 * not installed and for screenshots. Data lives in CAREWINDOW_DATA_DIR or ./.carewindow-data.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      data: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const repo = resolve(__dirname, '../../..');
  const dataRoot = resolve(
    values.data ?? process.env.CAREWINDOW_DATA_DIR ?? resolve(repo, '.carewindow-data'),
  );
  const startAt = values.at ? Date.parse(values.at) : null;
  if (startAt !== null && Number.isNaN(startAt))
    throw new Error(`--at needs a date like 2026-11-25T14:00:00Z, not “${values.at}”.`);
  const log = fileLogger(resolve(dataRoot, 'logs'), false);
  const host = await startPreviewHost({
    rendererDir: resolve(repo, 'out/renderer'),
    dataRoot,
    port: Number(values.port),
    startAt,
    log,
    // Point a new WhatsApp connection at another Graph API (a local fake server) for trying the wizard out.
    ...(process.env.CAREWINDOW_GRAPH_BASE_URL ? { graphBaseUrl: process.env.CAREWINDOW_GRAPH_BASE_URL } : {}),
  });
  console.log(`CareWindow is running at ${host.url}`);
  console.log(`Data folder: ${dataRoot}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void host
      .close()
      .then(() => log.close()) // the log writes in the background: flush it before exiting
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `CareWindow preview could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
