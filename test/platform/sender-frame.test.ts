import { describe, expect, it } from 'vitest';
import { APP_ENTRY, chooseRendererUrl, isRendererPage } from '../../main/platform/electron/app-origin';
import { isTrustedSender, type SenderFrame } from '../../main/platform/electron/sender-frame';

const DEV = 'http://localhost:5173/';

const frame = (url: string, parent: unknown = null): SenderFrame => ({ url, parent });
const packagedApp = (url: string) => isRendererPage(url, chooseRendererUrl(DEV, true));
const devApp = (url: string) => isRendererPage(url, chooseRendererUrl(DEV, false));

describe('which page is the app’s own', () => {
  it('loads the dev server only when unpacked, and never without one', () => {
    expect(chooseRendererUrl(DEV, false)).toBe(DEV);
    expect(chooseRendererUrl(DEV, true)).toBe(APP_ENTRY);
    expect(chooseRendererUrl(undefined, false)).toBe(APP_ENTRY);
    expect(chooseRendererUrl('', false)).toBe(APP_ENTRY);
  });

  it.each([
    ['app://carewindow/index.html', true, false],
    ['app://carewindow/assets/x.js?v=1#top', true, false],
    ['app://other/index.html', false, false],
    ['file:///C:/app/index.html', false, false],
    ['https://evil.example/', false, false],
    ['http://localhost:5173/index.html', false, true],
    ['http://localhost:5174/', false, false],
    ['http://127.0.0.1:5173/', false, false],
    ['about:blank', false, false],
    ['', false, false],
    ['not a url', false, false],
  ])('%j is the app: packaged %s, in development %s', (url, packaged, development) => {
    expect(packagedApp(url)).toBe(packaged);
    expect(devApp(url)).toBe(development);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app’s own top-level page', () => {
    expect(isTrustedSender(frame('app://carewindow/index.html'), packagedApp)).toBe(true);
  });

  it.each([
    ['no frame (it navigated away or was destroyed)', null],
    ['an undefined frame', undefined],
    ['a sub-frame on the app’s origin', frame('app://carewindow/index.html', frame(APP_ENTRY))],
    ['a foreign top-level page', frame('https://evil.example/')],
    ['the dev server in a packaged build', frame('http://localhost:5173/')],
    [
      'a frame that was disposed (reading it throws)',
      {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
        parent: null,
      },
    ],
  ])('refuses %s', (_case, sender) => {
    expect(isTrustedSender(sender, packagedApp)).toBe(false);
  });

  it('trusts the dev server only in development', () => {
    expect(isTrustedSender(frame('http://localhost:5173/'), devApp)).toBe(true);
    expect(isTrustedSender(frame('http://localhost:5173/'), packagedApp)).toBe(false);
  });
});
