// `npm start`: builds the app and opens it in Electron. Where Electron's binary is not installed (and
// cannot be downloaded, as on the build machines), says so and opens the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (command, args, options = {}) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });

if (run('npx', ['electron-vite', 'build']).status !== 0) process.exit(1);

let binary = electronBinary();
if (!binary && process.env.CAREWINDOW_NO_ELECTRON_DOWNLOAD !== '1') {
  console.log('Electron is not installed yet; trying to download it (up to 60 s)…');
  run('npx', ['install-electron', '--no'], { timeout: 60_000, stdio: 'ignore' });
  binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "\nElectron's binary is not installed on this machine and could not be downloaded, so the desktop window cannot open here.\n" +
      'Opening the same app in your browser instead (the preview host runs the real app behind it).\n',
  );
  const child = spawn('npx', ['tsx', 'main/platform/preview/cli.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
