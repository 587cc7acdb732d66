// Signs in to the agent desk, opens a case, checks what it shows, claims it and replies, in headless Chromium.
// Env: DESK_URL (the host's base URL), DESK_TOKEN, CASE_ID, REPLY_TEXT, USER_DATA_DIR. Exit code 0 = all good.
'use strict';
const { chromium } = require('playwright-core');

function check(condition, message) {
  if (!condition) throw new Error(message);
}

(async () => {
  const { DESK_URL, DESK_TOKEN, CASE_ID, REPLY_TEXT, USER_DATA_DIR } = process.env;
  const context = await chromium.launchPersistentContext(USER_DATA_DIR, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const dialogs = [];
  try {
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    page.on('pageerror', (e) => { console.error('page error: ' + e.message); });
    await page.goto(new URL('/agent', DESK_URL).href);

    await page.fill('#token', DESK_TOKEN);
    await page.fill('#agent-name', 'Desk Tester');
    await page.click('#signin');

    const row = page.locator(`#queue tr[data-case-id="${CASE_ID}"]`);
    await row.waitFor();
    await row.locator('button.open-case').click();
    await page.locator('#case-id', { hasText: CASE_ID }).waitFor();

    check((await page.textContent('#case-order')).trim() === '2611240000000004', 'order number shown');
    check((await page.textContent('#case-problem')).trim() === 'payment_failed', 'problem type shown');
    check((await page.textContent('#case-findings')).includes('charged_but_unpaid'), 'findings shown');
    await page.locator('#case-screens img.screenshot').first().waitFor();
    const width = await page.$eval('#case-screens img.screenshot', (img) => img.naturalWidth);
    check(width === 1, 'the screenshot loads (1x1 PNG), got width ' + width);

    // The customer's markup is shown as text, never parsed.
    await page.locator('#case-transcript', { hasText: '支付问题' }).waitFor();
    const transcriptImages = await page.$$eval('#case-transcript img', (els) => els.length);
    check(transcriptImages === 0, 'customer markup must not become elements');
    check((await page.textContent('#case-transcript')).includes('<img src=x onerror='), 'customer markup shown as text');

    await page.click('#claim');
    await page.locator('#status', { hasText: 'Claimed' }).waitFor();
    await page.locator('#case-status', { hasText: 'claimed by Desk Tester' }).waitFor();

    await page.fill('#reply-text', REPLY_TEXT);
    await page.click('#reply-send');
    await page.locator('#status', { hasText: 'Sent to the customer' }).waitFor();
    await page.locator('#case-messages', { hasText: REPLY_TEXT }).waitFor();

    check(dialogs.length === 0, 'no script ran from customer data: ' + dialogs.join(', '));
    console.log('desk ok');
  } finally {
    await context.close();
  }
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
