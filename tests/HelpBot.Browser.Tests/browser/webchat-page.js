// Drives HelpBot's web chat page in headless Chromium (Debian's /usr/bin/chromium through playwright-core).
// Environment: HELPBOT_URL (the host), ARTIFACTS_DIR (screenshots and the uploaded PNG go there),
// CHROMIUM (optional, default /usr/bin/chromium).
// Prints progress lines and, at the end, one line "RESULT {json}" that the xunit test reads; exits 1 on failure.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { launch, session } = require('./chromium');

const baseUrl = (process.env.HELPBOT_URL || '').replace(/\/$/, '');
const artifacts = process.env.ARTIFACTS_DIR;
// Guards against a hang only; nothing here measures how fast anything is.
const WAIT = { timeout: 120_000 }; // generous: a loaded CI machine can be slow to start Chromium and the bot


function log(message) {
  console.log(`[webchat-page] ${message}`);
}

// Text of the transcript only (not the suggested actions or the page chrome).
function transcript(page) {
  return page.locator('.webchat__basic-transcript');
}

async function expectInTranscript(page, text) {
  await transcript(page).getByText(text).first().waitFor(WAIT);
}

async function clickSuggestedAction(page, name) {
  const button = page.locator('.webchat__suggested-action', { hasText: name }).first();
  await button.waitFor(WAIT);
  await button.click();
}

// Web Chat (sendAttachmentOn: 'send') puts the chosen file in the send box and sends it with the send button. The
// send box takes the file asynchronously, so on a busy machine a click right after choosing can find it still empty
// and do nothing. The page shows the user's own file bubble (with its name) as soon as it is sent, before the server
// answers: until it does, choose and click again; once it shows, nothing is sent twice.
async function sendUpload(page, file) {
  const bubble = transcript(page).getByText(path.basename(file)).first();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.locator('input[type="file"]').first().setInputFiles(file);
    await page.locator('.webchat__send-button').first().click();
    try {
      await bubble.waitFor({ timeout: 15_000 });
      return;
    } catch {
      log(`upload not shown as sent after attempt ${attempt}; choosing the file again`);
    }
  }
  await bubble.waitFor(WAIT);
}

async function main() {
  if (!baseUrl || !artifacts) throw new Error('HELPBOT_URL and ARTIFACTS_DIR are required.');
  fs.mkdirSync(artifacts, { recursive: true });
  const { context, userDataDir } = await launch();
  const problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  try {
    // 1. English: the welcome arrives on page load, in English, with the menu buttons.
    const english = await context.newPage();
    await english.goto(`${baseUrl}/?locale=en-US`);
    await expectInTranscript(english, 'I can look at your order right now');
    await english.locator('.webchat__suggested-action', { hasText: 'Check my order' }).first().waitFor(WAIT);
    await english.screenshot({ path: path.join(artifacts, 'webchat-en-US-welcome.png') });
    log('English welcome shown');
    await english.close();

    // 2. Chinese (a new tab: a new sessionStorage, so a new conversation).
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?locale=zh-CN`);
    await expectInTranscript(page, '你好，我是外卖小助手');
    log('Chinese welcome shown');

    // 3. 查订单, then an order button: the bot answers with that order's status.
    await clickSuggestedAction(page, '查订单');
    await clickSuggestedAction(page, '湘味蒸菜馆');
    await expectInTranscript(page, '王师傅');
    log('order status shown');
    const before = await session(page);
    if (!before || !before.conversationId) throw new Error('the page kept no conversation in sessionStorage');

    // 4. Reload: the same conversation comes back (reconnect), with its history.
    await page.reload();
    await expectInTranscript(page, '王师傅');
    const after = await session(page);
    if (after.conversationId !== before.conversationId) {
      throw new Error(`reload started a new conversation (${before.conversationId} → ${after.conversationId})`);
    }
    log('conversation kept across reload');

    // 5. Upload a screenshot (a real PNG of the page) through Web Chat's upload button, then send it.
    const upload = path.join(artifacts, 'webchat-upload.png');
    await page.screenshot({ path: upload });
    await sendUpload(page, upload);
    // Web Chat shows the user's upload as a file bubble; the bot answers a message without text by asking for words.
    await expectInTranscript(page, '我这里需要文字消息才能帮你');
    log('upload sent and answered');

    await page.screenshot({ path: path.join(artifacts, 'webchat-zh-CN-conversation.png'), fullPage: true });
    const result = {
      conversationId: after.conversationId,
      userId: after.userId,
      uploadedFile: upload,
      uploadedBytes: fs.statSync(upload).size,
      problems,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } catch (error) {
    let index = 0;
    for (const open of context.pages().filter((p) => p.url().startsWith(baseUrl))) {
      await open.screenshot({ path: path.join(artifacts, `webchat-failure-${index++}.png`) }).catch(() => {});
    }
    for (const problem of problems) console.error(problem);
    throw error;
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[webchat-page] FAILED: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);
