// Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROMIUM) through playwright-core, with a
// throwaway profile, and the web chat page's stored session.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SESSION_KEY = 'helpbot.webchat.session';

// The browser context and the profile directory it uses (remove it after context.close()).
async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpbot-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    viewport: { width: 760, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return { context, userDataDir };
}

// The conversation the page keeps in sessionStorage ({ conversationId, … }), or null.
function session(page) {
  return page.evaluate((key) => JSON.parse(window.sessionStorage.getItem(key) || 'null'), SESSION_KEY);
}

module.exports = { launch, session, SESSION_KEY };
