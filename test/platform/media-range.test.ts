import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteRange, mediaAnswer } from '../../main/platform/media-route';
import { startPreviewHost } from '../../main/platform/preview/host';
import { workspaceDir } from '../../main/store/workspace-paths';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { HOST_TEST_TIMEOUT } from './preview-kit';

/** Range requests on the media route (RFC 9110 §14), so an <audio> or <video> can seek. */

const tempDir = useTempDirs();
const cleanup = useCleanup();
/** 1000 bytes, each its own offset modulo 256, so a part shows where it came from. */
const OGG = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

describe('byte ranges', () => {
  it.each([
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=500-', { kind: 'part', start: 500, end: 999 }],
    ['bytes=-100', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'part', start: 990, end: 999 }],
    ['bytes=999-999', { kind: 'part', start: 999, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1100', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // Not one byte range: the whole file, as the RFC lets a server ignore what it does not do.
    ['bytes=0-1,5-9', { kind: 'whole' }],
    ['items=0-9', { kind: 'whole' }],
    ['bytes=9-0', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    ['bytes=a-b', { kind: 'whole' }],
  ])('%s of 1000 bytes', (header, expected) => {
    expect(byteRange(header, 1000)).toEqual(expected);
  });

  it('asks nothing of an empty file but a whole answer', () => {
    expect(byteRange(null, 0)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers a part with 206, its range and length; an impossible one with 416 and the size', () => {
    expect(mediaAnswer('audio/ogg', 1000, 'bytes=100-199')).toMatchObject({
      status: 206,
      body: { start: 100, end: 199 },
      headers: {
        'Content-Range': 'bytes 100-199/1000',
        'Content-Length': '100',
        'Accept-Ranges': 'bytes',
        'X-Content-Type-Options': 'nosniff',
      },
    });
    expect(mediaAnswer('audio/ogg', 1000, 'bytes=2000-')).toMatchObject({
      status: 416,
      body: null,
      headers: { 'Content-Range': 'bytes */1000', 'Content-Length': '0' },
    });
    const whole = mediaAnswer('audio/ogg', 1000, undefined);
    expect(whole).toMatchObject({ status: 200, body: 'whole', headers: { 'Accept-Ranges': 'bytes' } });
    expect(whole.headers['Content-Range']).toBeUndefined();
  });
});

describe('range requests over HTTP in the preview host', () => {
  it(
    'serves the part asked for, a whole file without a Range, and 416 past the end',
    async () => {
      const root = await tempDir();
      const rendererDir = join(root, 'renderer');
      await mkdir(rendererDir, { recursive: true });
      await writeFile(join(rendererDir, 'index.html'), '<html></html>');
      const dataRoot = join(root, 'data');
      const host = await startPreviewHost({ rendererDir, dataRoot, log: silentLog });
      cleanup.push(() => host.close());
      const folder = join(workspaceDir(dataRoot, 'demo'), 'media', 'c1');
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'voice.ogg'), OGG);
      const url = `${new URL(host.url).origin}/media/c1/voice.ogg`;

      const whole = await fetch(url);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(OGG);

      const part = await fetch(url, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
      expect(part.headers.get('content-length')).toBe('100');
      expect(part.headers.get('content-type')).toBe('audio/ogg');
      expect(Buffer.from(await part.arrayBuffer())).toEqual(OGG.subarray(100, 200));

      const tail = await fetch(url, { headers: { Range: 'bytes=-10' } });
      expect(tail.status).toBe(206);
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(OGG.subarray(990));

      const past = await fetch(url, { headers: { Range: 'bytes=1000-' } });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe('bytes */1000');
      expect((await past.arrayBuffer()).byteLength).toBe(0);

      // A range does not open a way around the folder's checks.
      const outside = await fetch(`${new URL(host.url).origin}/media/c1/..%2F..%2Fsecrets.json`, {
        headers: { Range: 'bytes=0-10' },
      });
      expect(outside.status).toBe(404);
    },
    HOST_TEST_TIMEOUT,
  );
});
