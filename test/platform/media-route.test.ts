import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaUrl } from '../../main/contract/model';
import { mediaForRequest, mediaHeaders } from '../../main/platform/media-route';
import { startPreviewHost } from '../../main/platform/preview/host';
import { MediaFolder } from '../../main/store/media-folder';
import { nodeFs } from '../../main/store/store-fs';
import { workspaceDir } from '../../main/store/workspace-paths';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { HOST_TEST_TIMEOUT } from './preview-kit';

const tempDir = useTempDirs();
const cleanup = useCleanup();
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

/** A workspace with one photo, a page with a media name, a link leading out, and a secret beside it. */
async function workspace(dir: string): Promise<void> {
  await mkdir(join(dir, 'media', 'c1'), { recursive: true });
  await writeFile(join(dir, 'media', 'c1', 'photo.jpg'), JPEG);
  await writeFile(join(dir, 'media', 'c1', 'page.html'), '<script>alert(1)</script>');
  await writeFile(join(dir, 'secrets.json'), '{"token":"EAAG"}');
  await writeFile(join(dir, 'outside.jpg'), JPEG);
  await symlink(join(dir, 'outside.jpg'), join(dir, 'media', 'c1', 'link.jpg'));
}

describe('media served through the app protocol', () => {
  it('serves a file of the media folder with its type', async () => {
    const dir = await tempDir();
    await workspace(dir);
    const found = await mediaForRequest(dir, '/media/c1/photo.jpg');
    expect(found?.contentType).toBe('image/jpeg');
    expect(mediaHeaders('image/jpeg', 7)).toMatchObject({
      'Content-Type': 'image/jpeg',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it.each([
    '/media/../secrets.json',
    '/media/c1/../../secrets.json',
    '/media/c1/..%2F..%2Fsecrets.json',
    '/media/c1/..%5C..%5Csecrets.json',
    '/media/%2e%2e/secrets.json',
    '/media/c1/link.jpg',
    '/media/c1/page.html',
    '/media/c1',
    '/media/c1/photo.jpg/x',
    '/media/c1/missing.jpg',
    '/media/c1/%E0%A4%A',
    '/secrets.json',
  ])('refuses %s', async (pathname) => {
    const dir = await tempDir();
    await workspace(dir);
    expect(await mediaForRequest(dir, pathname)).toBeNull();
  });

  it('refuses everything when no workspace is open', async () => {
    expect(await mediaForRequest(null, '/media/c1/photo.jpg')).toBeNull();
  });

  it('serves chat-export media the same way, at the URL the contract builds', async () => {
    const dir = await tempDir();
    const folder = new MediaFolder(dir, nodeFs);
    const [file] = await folder.save('contact-1', new Map([['IMG 2024 (1).jpg', new Uint8Array(JPEG)]]));
    expect(await mediaForRequest(dir, mediaUrl(file ?? ''))).toMatchObject({ contentType: 'image/jpeg' });
  });

  it(
    'answers over HTTP in the preview host with nosniff, and 404 outside the folder',
    async () => {
      const root = await tempDir();
      const rendererDir = join(root, 'renderer');
      await mkdir(rendererDir, { recursive: true });
      await writeFile(
        join(rendererDir, 'index.html'),
        '<html><head><script src="./a.js"></script></head></html>',
      );
      const dataRoot = join(root, 'data');
      const host = await startPreviewHost({ rendererDir, dataRoot, log: silentLog });
      cleanup.push(() => host.close());
      const demo = workspaceDir(dataRoot, 'demo');
      await workspace(demo);
      const origin = new URL(host.url).origin;

      const good = await fetch(`${origin}/media/c1/photo.jpg`);
      expect(good.status).toBe(200);
      expect(good.headers.get('content-type')).toBe('image/jpeg');
      expect(good.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await good.arrayBuffer())).toEqual(JPEG);
      for (const bad of ['/media/c1/..%2F..%2Fsecrets.json', '/media/c1/link.jpg', '/media/c1/page.html']) {
        const answer = await fetch(`${origin}${bad}`);
        expect(answer.status).toBe(404);
        expect(await answer.text()).not.toContain('EAAG');
      }
    },
    HOST_TEST_TIMEOUT,
  );
});
