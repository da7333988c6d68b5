// Finds a Chromium for the browser tests, or gets one (see workbench/README.md, "A browser").
//
// Order: $CHROMIUM_PATH; a system Chromium/Chrome; Playwright's own download (cached);
// as root with apt-get, Debian's `chromium` + `fonts-noto-cjk` (CJK text must render);
// else Playwright's download. Only when none of these works does it fail, with one line.
// Run as a script (`node workbench/test/browser.js`) it prints the executable's path.
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const HOW_TO =
  'No Chromium for the browser tests: install one (Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH to a Chrome/Chromium executable.';

function exists(file) {
  try {
    return Boolean(file) && fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's own Chromium, if an earlier `playwright-core install chromium` downloaded it. */
function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return exists(file) ? file : null;
  } catch {
    return null;
  }
}

function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (!exists(process.env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not a file. ${HOW_TO}`);
    }
    return process.env.CHROMIUM_PATH;
  }
  return SYSTEM_PATHS.find(exists) || playwrightChromium();
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function debInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Debian packages still missing (the browser and a CJK font), when apt-get can install them. */
function missingDebianPackages() {
  if (!hasCommand('dpkg-query')) return [];
  const wanted = [];
  if (!findChromium()) wanted.push('chromium');
  if (!debInstalled('fonts-noto-cjk')) wanted.push('fonts-noto-cjk');
  return wanted;
}

function aptInstall(packages) {
  const apt = (args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  process.stderr.write(`browser tests: installing ${packages.join(' ')} with apt-get\n`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...packages]);
}

function playwrightDownload() {
  process.stderr.write("browser tests: trying Playwright's Chromium download\n");
  let cli;
  try {
    cli = require.resolve('playwright-core/cli');
  } catch {
    return false;
  }
  const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 10 * 60 * 1000,
  });
  return result.status === 0;
}

/** The path of a usable Chromium, installing one where this machine allows; throws otherwise. */
function ensureChromium() {
  if (isRoot() && hasCommand('apt-get') && !process.env.CHROMIUM_PATH) {
    const missing = missingDebianPackages();
    if (missing.length > 0) {
      try {
        aptInstall(missing);
      } catch (error) {
        process.stderr.write(`browser tests: apt-get failed (${error.message.split('\n')[0]})\n`);
      }
    }
  }
  let found = findChromium();
  if (!found && !process.env.CHROMIUM_PATH && playwrightDownload()) {
    found = playwrightChromium();
  }
  if (!found) throw new Error(HOW_TO);
  return found;
}

module.exports = { findChromium, ensureChromium, HOW_TO };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
