// The agent desk. Customer data is only ever put into the page as text (textContent), never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('agentToken') || '';
  let agent = sessionStorage.getItem('agentName') || '';
  let current = null;
  const objectUrls = [];

  function status(text) { $('status').textContent = text; }

  async function api(path, options) {
    const init = Object.assign({ headers: {} }, options || {});
    init.headers['Authorization'] = 'Bearer ' + token;
    if (init.body) init.headers['Content-Type'] = 'application/json';
    const response = await fetch(path, init);
    if (response.status === 401) { signOut('The token was not accepted.'); throw new Error('unauthorized'); }
    if (!response.ok) {
      let message = response.status + '';
      try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
      status(message);
      throw new Error(message);
    }
    return response;
  }

  function text(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value == null ? '' : String(value);
    if (className) el.className = className;
    return el;
  }

  function line(who, what) {
    const div = text('div', '', 'line');
    div.appendChild(text('span', who, 'who'));
    div.appendChild(text('span', what));
    return div;
  }

  function minutes(seconds) { return Math.floor(seconds / 60) + ' min'; }

  async function loadQueue() {
    const data = await (await api('/api/agent/escalations')).json();
    const body = $('queue');
    body.replaceChildren();
    for (const item of data.escalations) {
      const row = document.createElement('tr');
      row.dataset.caseId = item.id;
      row.appendChild(text('td', item.id));
      row.appendChild(text('td', minutes(item.waitingSeconds)));
      row.appendChild(text('td', item.problemType));
      row.appendChild(text('td', item.language));
      row.appendChild(text('td', item.orderNumber || '-'));
      row.appendChild(text('td', item.status + (item.claimedBy ? ' (' + item.claimedBy + ')' : '')));
      const cell = document.createElement('td');
      const open = text('button', 'Open');
      open.type = 'button';
      open.className = 'open-case';
      open.addEventListener('click', () => openCase(item.id));
      cell.appendChild(open);
      row.appendChild(cell);
      body.appendChild(row);
    }
    status('Queue: ' + data.escalations.length + ' open');
  }

  async function openCase(id) {
    const c = await (await api('/api/agent/escalations/' + encodeURIComponent(id))).json();
    current = c;
    $('case-view').classList.remove('hidden');
    $('case-id').textContent = c.id;
    $('case-status').textContent = c.status + (c.claimedBy ? ' by ' + c.claimedBy : '') + (c.queuePosition ? ' · #' + c.queuePosition + ' in queue' : '');
    $('case-order').textContent = c.orderNumber || '-';
    $('case-problem').textContent = c.problemType;
    $('case-language').textContent = c.language;
    $('case-ticket').textContent = c.platformTicketId || '-';
    $('case-findings').replaceChildren(...(c.findings || []).map((f) => text('li', f)));
    $('case-checks').replaceChildren(...(c.checks || []).map((k) => text('li', k.name + ': ' + k.result + ' (' + k.source + (k.detail ? ', ' + k.detail : '') + ')')));
    $('case-actions').replaceChildren(...(c.actions || []).map((a) => text('li', a.name + ': ' + a.outcome + (a.detail ? ' ' + a.detail : ''))));
    $('case-snapshot').textContent = c.orderSnapshot ? JSON.stringify(c.orderSnapshot, null, 2) : '-';
    $('claim').disabled = c.status !== 'waiting';
    await showScreens(c);
    await showTranscript(c);
    $('case-messages').replaceChildren(...(c.messages || []).map((m) => line(m.from === 'agent' ? (m.agent || 'agent') + ':' : 'customer:', m.text)));
  }

  async function showScreens(c) {
    while (objectUrls.length) URL.revokeObjectURL(objectUrls.pop());
    const holder = $('case-screens');
    holder.replaceChildren();
    for (const a of c.attachments || []) {
      // <img> cannot send the bearer token, so the bytes are fetched and shown from a blob: URL.
      const blob = await (await api(a.url)).blob();
      const url = URL.createObjectURL(blob);
      objectUrls.push(url);
      const img = document.createElement('img');
      img.src = url;
      img.alt = a.name || a.id;
      img.className = 'screenshot';
      holder.appendChild(img);
    }
    if (!holder.children.length) holder.appendChild(text('span', 'none'));
  }

  async function showTranscript(c) {
    const activities = await (await api(c.transcriptUrl)).json();
    $('case-transcript').replaceChildren(...activities
      .filter((a) => a.type === 'message')
      .map((a) => line(((a.from && a.from.role) || 'user') === 'bot' ? 'bot:' : 'customer:', a.text || (a.attachments ? '[attachment]' : ''))));
  }

  async function downloadTranscript(event) {
    event.preventDefault();
    if (!current) return;
    const blob = await (await api(current.transcriptUrl)).blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = current.id + '.transcript';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function post(path, body) {
    return (await api(path, { method: 'POST', body: JSON.stringify(Object.assign({ agent: agent }, body || {})) })).json();
  }

  function signOut(message) {
    sessionStorage.removeItem('agentToken');
    token = '';
    $('desk-view').classList.add('hidden');
    $('signin-view').classList.remove('hidden');
    status(message || '');
  }

  async function signIn() {
    $('signin-view').classList.add('hidden');
    $('desk-view').classList.remove('hidden');
    await loadQueue();
    const match = /case=([^&]+)/.exec(location.hash);
    if (match) await openCase(decodeURIComponent(match[1]));
  }

  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    token = $('token').value.trim();
    agent = $('agent-name').value.trim();
    sessionStorage.setItem('agentToken', token);
    sessionStorage.setItem('agentName', agent);
    try { await signIn(); } catch (e) { /* status shows why */ }
  });
  $('refresh').addEventListener('click', () => loadQueue().catch(() => {}));
  $('claim').addEventListener('click', async () => {
    if (!current) return;
    try {
      await post('/api/agent/escalations/' + encodeURIComponent(current.id) + '/claim');
      const id = current.id;
      await loadQueue();
      await openCase(id);
      status('Claimed ' + id);
    } catch (e) { /* status shows why */ }
  });
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const reply = $('reply-text').value.trim();
    if (!current || !reply) return;
    try {
      await post('/api/agent/escalations/' + encodeURIComponent(current.id) + '/messages', { text: reply });
      $('reply-text').value = '';
      await openCase(current.id);
      status('Sent to the customer');
    } catch (e) { /* status shows why */ }
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    try {
      await post('/api/agent/escalations/' + encodeURIComponent(current.id) + '/close', { resolution: $('close-resolution').value, note: $('close-note').value });
      const id = current.id;
      await loadQueue();
      await openCase(id);
      status('Closed ' + id);
    } catch (e) { /* status shows why */ }
  });
  $('transcript-download').addEventListener('click', (e) => downloadTranscript(e).catch(() => {}));

  if (token) signIn().catch(() => {});
}());
