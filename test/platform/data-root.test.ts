import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataRoot } from '../../main/platform/data-root';

const userData = path.resolve('/home/owner/.config/CareWindow');
const elsewhere = path.resolve('/tmp/test-data');
const portable = path.resolve('/media/usb/CareWindow-data');

describe('where the data lives', () => {
  it.each([
    // packaged, env, argv → folder, source
    [true, undefined, [], userData, 'user-data'],
    [true, elsewhere, [], userData, 'user-data'], // a stray variable never moves an owner's data
    [false, elsewhere, [], elsewhere, 'env'], // development, tests and the preview
    [false, undefined, [], userData, 'user-data'],
    [true, undefined, [`--data-dir=${portable}`], portable, 'flag'], // portable use, asked for explicitly
    [true, elsewhere, ['--data-dir', portable], portable, 'flag'],
    [false, elsewhere, [`--data-dir=${portable}`], portable, 'flag'],
    [true, undefined, [`--user-data-dir=${portable}`], userData, 'user-data'], // Chromium's switch, not ours
    [false, '', [], userData, 'user-data'],
  ] as const)('packaged %s, env %s, argv %j → %s', (isPackaged, env, argv, dir, source) => {
    const root = chooseDataRoot({
      isPackaged,
      env: { CAREWINDOW_DATA_DIR: env },
      argv: ['/opt/CareWindow/carewindow', ...argv],
      userData,
    });
    expect(root).toMatchObject({ dir, source });
  });

  it('says why it ignored the variable in a packaged build', () => {
    const root = chooseDataRoot({
      isPackaged: true,
      env: { CAREWINDOW_DATA_DIR: elsewhere },
      argv: [],
      userData,
    });
    expect(root.ignored).toMatch(/CAREWINDOW_DATA_DIR is ignored in an installed CareWindow/);
  });

  it('refuses a relative --data-dir: it would depend on where the app happened to be started', () => {
    const root = chooseDataRoot({ isPackaged: true, env: {}, argv: ['x', '--data-dir=data'], userData });
    expect(root).toMatchObject({ dir: userData, source: 'user-data' });
    expect(root.ignored).toMatch(/--data-dir needs a full path/);
  });
});
