'use strict';

// Protocol test: drives the official botframework-directlinejs client against the embedded Direct Line channel.
// Env: DIRECTLINE_URL (the app's base URL, e.g. http://127.0.0.1:5000) and DIRECTLINE_SECRET.
// Exits 0 when a message posted through DirectLineJS comes back as the bot's echo over the WebSocket stream.

// DirectLineJS is written for browsers: it calls XMLHttpRequest (through RxJS ajax) and checks for a global
// WebSocket when constructed, so Node needs both before the library is loaded.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');

const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const baseUrl = (process.env.DIRECTLINE_URL || '').replace(/\/+$/, '');
const secret = process.env.DIRECTLINE_SECRET;
const userId = 'demo-user';
const text = `hello from directlinejs ${Date.now()}`;
const deadlineMs = 60000;

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

async function generateToken() {
  const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } })
  });
  const body = await response.json();
  if (!response.ok || !body.token) {
    fail(`tokens/generate answered ${response.status}: ${JSON.stringify(body)}`);
  }
  console.log(`token generated for conversation ${body.conversationId}, expires_in ${body.expires_in}`);
  return body;
}

async function main() {
  if (!baseUrl || !secret) {
    fail('DIRECTLINE_URL and DIRECTLINE_SECRET must be set');
  }

  const { token, conversationId } = await generateToken();
  const directLine = new DirectLine({ token, domain: `${baseUrl}/v3/directline`, webSocket: true });
  const timer = setTimeout(() => fail(`no echo within ${deadlineMs} ms`), deadlineMs);

  directLine.connectionStatus$.subscribe(status => {
    console.log(`connection status: ${ConnectionStatus[status]}`);
    if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) {
      fail(`connection status ${ConnectionStatus[status]}`);
    }
  });

  directLine.activity$.subscribe(
    activity => {
      console.log(`activity$: ${activity.type} from ${activity.from && activity.from.id}: ${activity.text || ''}`);
      if (activity.type === 'message' && activity.from.id !== userId && activity.text === `echo: ${text}`) {
        if (activity.conversation.id !== conversationId) {
          fail(`echo came in conversation ${activity.conversation.id}, expected ${conversationId}`);
        }
        console.log('PASS: echo received over the WebSocket stream');
        clearTimeout(timer);
        directLine.end();
        process.exit(0);
      }
    },
    error => fail(`activity$ error: ${error && (error.message || error.status || error)}`)
  );

  directLine.postActivity({ type: 'message', from: { id: userId }, text }).subscribe(
    id => console.log(`postActivity id: ${id}`),
    error => fail(`postActivity error: ${error && (error.message || error.status || error)}`)
  );
}

main().catch(error => fail(error && error.stack ? error.stack : String(error)));
