// The web chat page across a bot restart, in headless Chromium (Debian's /usr/bin/chromium through playwright-core).
// Environment: HELPBOT_URL (the host), RESTART_URL (the test's loopback control endpoint: POST restarts the bot on the
// same address and answers once the new one is up), ARTIFACTS_DIR, CHROMIUM (optional).
// Prints progress lines and, at the end, one line "RESULT {json}" that the xunit test reads; exits 1 on failure.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { launch, session, SESSION_KEY } = require('./chromium');

const baseUrl = (process.env.HELPBOT_URL || '').replace(/\/$/, '');
const restartUrl = process.env.RESTART_URL;
const artifacts = process.env.ARTIFACTS_DIR;
// Guards against a hang only; nothing here measures how fast anything is.
const WAIT = { timeout: 120_000 };

function log(message) {
  console.log(`[webchat-restart] ${message}`);
}

// The chat of one conversation (the page renders each conversation in its own container).
function chat(page, conversationId) {
  return page.locator(`.webchat[data-conversation-id="${conversationId}"]`);
}

async function askForOrder(page, conversationId) {
  const container = chat(page, conversationId);
  await container.locator('.webchat__basic-transcript').getByText('你好，我是外卖小助手').first().waitFor(WAIT);
  const check = container.locator('.webchat__suggested-action', { hasText: '查订单' }).first();
  await check.waitFor(WAIT);
  await check.click();
  const order = container.locator('.webchat__suggested-action', { hasText: '湘味蒸菜馆' }).first();
  await order.waitFor(WAIT);
  await order.click();
  await container.locator('.webchat__basic-transcript').getByText('王师傅').first().waitFor(WAIT);
}

async function main() {
  if (!baseUrl || !restartUrl || !artifacts) throw new Error('HELPBOT_URL, RESTART_URL and ARTIFACTS_DIR are required.');
  fs.mkdirSync(artifacts, { recursive: true });
  const { context, userDataDir } = await launch();

  const consoleLines = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`page error: ${error.message}`));
    if (process.env.BOTCHAT_DEBUG) await page.addInitScript(() => { window.botchatDebug = true; });
    await page.goto(`${baseUrl}/?locale=zh-CN`);
    await page.waitForFunction((key) => !!window.sessionStorage.getItem(key), SESSION_KEY, WAIT);
    const before = await session(page);
    await askForOrder(page, before.conversationId);
    log(`answered before the restart (conversation ${before.conversationId})`);

    const restarted = await fetch(restartUrl, { method: 'POST' });
    if (!restarted.ok) throw new Error(`${restartUrl} answered ${restarted.status}`);
    log('bot restarted');

    // No reload, no click: the page must notice the lost connection and get a working one by itself.
    await page.waitForFunction(
      ([key, old]) => {
        const stored = JSON.parse(window.sessionStorage.getItem(key) || 'null');
        return stored && stored.conversationId !== old && document.querySelector(`.webchat[data-conversation-id="${stored.conversationId}"]`);
      },
      [SESSION_KEY, before.conversationId],
      WAIT,
    );
    const after = await session(page);
    log(`reconnected (conversation ${after.conversationId})`);
    await askForOrder(page, after.conversationId);
    log('answered after the restart');
    await page.screenshot({ path: path.join(artifacts, 'webchat-after-restart.png'), fullPage: true });

    const stuck = await page.getByText('无法连接').count();
    console.log(`RESULT ${JSON.stringify({ before: before.conversationId, after: after.conversationId, unableToConnectShown: stuck })}`);
  } catch (error) {
    // What the page said (DirectLineJS's own trace too with BOTCHAT_DEBUG=1), for the failure message.
    for (const line of consoleLines.slice(-80)) console.error(`[page] ${line}`);
    for (const [index, open] of context.pages().entries()) {
      await open.screenshot({ path: path.join(artifacts, `webchat-restart-failure-${index}.png`) }).catch(() => {});
    }
    throw error;
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[webchat-restart] FAILED: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);
