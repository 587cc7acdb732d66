// HelpBot's demo web chat page: botframework-webchat over the host's embedded Direct Line.
// The page never sees the Direct Line secret: it asks the host's POST /api/webchat/token for a token bound to one
// user and one conversation, keeps {conversationId, token} in sessionStorage so a reload reconnects to the same
// conversation (Direct Line's reconnect: GET /v3/directline/conversations/{id}), and refreshes the token before
// it expires. When the connection is lost for good (the bot restarted: its embedded Direct Line forgot the
// conversation, or a new secret made the token invalid), the page reconnects by itself: first the same conversation
// with a refreshed token, else a new conversation, retrying with a growing pause while the bot is still down.
(function () {
  'use strict';

  var PAGE_VERSION = '1.0.0';
  var SESSION_KEY = 'helpbot.webchat.session';
  var DIRECT_LINE = window.location.origin + '/v3/directline';
  // Direct Line tokens live an hour; refresh well before (DirectLineJS refreshes its own copy every 15 minutes too).
  var REFRESH_EVERY_MS = 15 * 60 * 1000;
  var MIN_REMAINING_MS = 60 * 1000;
  // DirectLineJS's ConnectionStatus values.
  var STATUS = { Online: 2, ExpiredToken: 3, FailedToConnect: 4 };
  // Pauses before each reconnection attempt; the last one repeats until the bot answers again.
  var RECOVERY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

  // The page's own chrome; everything the bot says comes from the bot (its .resx resources).
  var LABELS = {
    'zh-CN': {
      title: '外卖小助手', subtitle: '订单、支付、配送问题，随时问我', locale: '语言', user: '演示用户',
      anonymous: '新的匿名用户', restart: '新对话', connecting: '正在连接…', failed: '连接失败，请刷新页面重试。'
    },
    'en-US': {
      title: 'HelpBot', subtitle: 'Orders, payments, deliveries: just ask', locale: 'Language', user: 'Demo user',
      anonymous: 'New anonymous user', restart: 'New chat', connecting: 'Connecting…', failed: 'Could not connect. Reload the page to try again.'
    }
  };

  var STYLE = {
    accent: '#ff6a00',
    backgroundColor: '#f6f7f9',
    botAvatarInitials: 'HB',
    botAvatarBackgroundColor: '#ff6a00',
    bubbleBackground: '#ffffff',
    bubbleBorderRadius: 12,
    bubbleBorderColor: '#e6e8eb',
    bubbleBorderWidth: 1,
    bubbleFromUserBackground: '#ff6a00',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderWidth: 0,
    primaryFont: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", sans-serif',
    rootHeight: '100%',
    sendBoxButtonColor: '#ff6a00',
    sendBoxButtonColorOnHover: '#e35d00',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#ff6a00',
    suggestedActionBorderRadius: 16,
    suggestedActionTextColor: '#ff6a00',
    suggestedActionLayout: 'flow',
    hideUploadButton: false,
    uploadAccept: 'image/*',
    uploadMultiple: false
  };

  var elements = {
    chat: document.getElementById('chat'),
    locale: document.getElementById('locale'),
    user: document.getElementById('user'),
    restart: document.getElementById('restart')
  };

  var current = null; // { directLine, store, container, session, statusSubscription }
  var refreshTimer = null;
  var recoveryTimer = null;
  var recoveryAttempt = 0;

  function readSession() {
    try {
      var session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      return session && typeof session.conversationId === 'string' && typeof session.token === 'string' ? session : null;
    } catch (e) {
      return null;
    }
  }

  function writeSession(session) {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  function postJson(url, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      if (!response.ok) throw new Error(url + ' answered ' + response.status);
      return response.json();
    });
  }

  // A new conversation: the host generates a token server-side for the chosen demo user (or a new anonymous one).
  function newSession(userChoice, locale) {
    return postJson('/api/webchat/token', { userId: userChoice || null, locale: locale }).then(function (answer) {
      return {
        conversationId: answer.conversationId,
        token: answer.token,
        expiresAt: Date.now() + answer.expires_in * 1000,
        userId: answer.userId,
        userChoice: userChoice,
        locale: answer.locale,
        started: false
      };
    });
  }

  // Exchanges the stored token for a fresh one (same user, same conversation); fails once it has expired.
  function refresh(session) {
    return postJson(DIRECT_LINE + '/tokens/refresh', null, session.token).then(function (answer) {
      session.token = answer.token;
      session.expiresAt = Date.now() + answer.expires_in * 1000;
      writeSession(session);
      return session;
    });
  }

  function clientInfo() {
    var connection = navigator.connection || {};
    var info = { appVersion: PAGE_VERSION, platform: 'web' };
    var network = connection.type && connection.type !== 'unknown' ? connection.type : connection.effectiveType;
    if (network) info.networkType = String(network);
    return info;
  }

  // Every activity the page sends carries channelData.clientInfo, like the mobile app's chat window.
  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
            var activity = action.payload.activity;
            activity.channelData = Object.assign({}, activity.channelData, { clientInfo: clientInfo() });
          }
          return next(action);
        };
      };
    });
  }

  function applyLabels(locale) {
    var labels = LABELS[locale] || LABELS['zh-CN'];
    document.documentElement.lang = locale;
    document.getElementById('title').textContent = labels.title;
    document.getElementById('subtitle').textContent = labels.subtitle;
    document.getElementById('locale-label').textContent = labels.locale;
    document.getElementById('user-label').textContent = labels.user;
    document.getElementById('user-anonymous').textContent = labels.anonymous;
    elements.restart.textContent = labels.restart;
    document.title = labels.title + ' · HelpBot';
  }

  function showStatus(text, isError) {
    elements.chat.innerHTML = '';
    var status = document.createElement('p');
    status.className = 'status' + (isError ? ' error' : '');
    status.id = 'status';
    status.textContent = text;
    elements.chat.appendChild(status);
  }

  function render() {
    window.WebChat.renderWebChat({
      directLine: current.directLine,
      store: current.store,
      userID: current.session.userId,
      locale: current.session.locale,
      styleOptions: STYLE
    }, current.container);
  }

  function connect(session) {
    disconnect();
    var options = { domain: DIRECT_LINE, token: session.token };
    if (session.started) {
      // Reconnect to the stored conversation; without a watermark the stream replays it from the start.
      options.conversationId = session.conversationId;
    } else {
      // The token is bound to a conversation the channel creates on first use, announcing it to the bot with this locale.
      options.conversationStartProperties = { locale: session.locale };
    }
    session.started = true;
    writeSession(session);

    elements.chat.innerHTML = '';
    var container = document.createElement('div');
    container.className = 'webchat';
    container.setAttribute('data-conversation-id', session.conversationId);
    elements.chat.appendChild(container);

    current = { directLine: createDirectLine(options), store: createStore(), container: container, session: session };
    watch(current);
    render();
    refreshTimer = window.setInterval(function () {
      refresh(current.session).catch(function () { /* the next attempt or the next reload starts over */ });
    }, REFRESH_EVERY_MS);
  }

  // When the bot no longer knows the conversation (404 on reconnect), DirectLineJS ends its activity stream with an
  // error and leaves the status Online; Web Chat does not handle that error. The stream Web Chat gets turns the
  // error into a recovery (a new conversation) and then simply stays silent until this connection is replaced.
  function createDirectLine(options) {
    var directLine = window.WebChat.createDirectLine(options);
    var activities = directLine.activity$;
    directLine.activity$ = activities.catch(function () {
      if (current && current.directLine === directLine) recover(current.session, false);
      return directLine.connectionStatus$.filter(function () { return false; });
    });
    return directLine;
  }

  // Web Chat alone would stay on "无法连接" / "Unable to connect" once DirectLineJS gives up (token refused by a
  // restarted bot, conversation unknown to it, bot unreachable): start the recovery instead.
  function watch(connection) {
    var wasOnline = false;
    connection.statusSubscription = connection.directLine.connectionStatus$.subscribe(function (status) {
      if (current !== connection) return;
      if (status === STATUS.Online) {
        wasOnline = true;
        recoveryAttempt = 0;
      } else if (status === STATUS.ExpiredToken || status === STATUS.FailedToConnect) {
        recover(connection.session, wasOnline);
      }
    });
  }

  // resumable: the conversation was online, so first try it again with a refreshed token; a conversation that
  // failed before ever being online (the bot does not know it any more) is replaced by a new one.
  function recover(session, resumable) {
    if (recoveryTimer) return;
    var delay = RECOVERY_DELAYS_MS[Math.min(recoveryAttempt, RECOVERY_DELAYS_MS.length - 1)];
    recoveryAttempt++;
    recoveryTimer = window.setTimeout(function () {
      recoveryTimer = null;
      var fresh = function () { return newSession(session.userChoice, session.locale); };
      var next = resumable ? refresh(session).catch(fresh) : fresh();
      next.then(connect, function (error) {
        window.console.warn('HelpBot web chat: reconnecting failed, trying again', error);
        recover(session, false);
      });
    }, delay);
  }

  function disconnect() {
    if (refreshTimer) window.clearInterval(refreshTimer);
    refreshTimer = null;
    if (current && current.statusSubscription) current.statusSubscription.unsubscribe();
    if (current && current.directLine && typeof current.directLine.end === 'function') current.directLine.end();
    current = null;
  }

  function start(userChoice, locale) {
    applyLabels(locale);
    showStatus(LABELS[locale].connecting, false);
    return newSession(userChoice, locale).then(connect);
  }

  function fail(error) {
    window.console.error(error);
    showStatus(LABELS[elements.locale.value] ? LABELS[elements.locale.value].failed : LABELS['zh-CN'].failed, true);
  }

  function initialLocale() {
    var asked = new URLSearchParams(window.location.search).get('locale');
    if (asked && LABELS[asked]) return asked;
    return (navigator.language || '').toLowerCase().indexOf('en') === 0 ? 'en-US' : 'zh-CN';
  }

  elements.locale.addEventListener('change', function () {
    var locale = elements.locale.value;
    applyLabels(locale);
    if (!current) return start(elements.user.value, locale).catch(fail);
    // Same conversation; Web Chat's UI and the locale of every following activity switch language.
    current.session.locale = locale;
    writeSession(current.session);
    render();
  });

  function cancelRecovery() {
    if (recoveryTimer) window.clearTimeout(recoveryTimer);
    recoveryTimer = null;
    recoveryAttempt = 0;
  }

  elements.user.addEventListener('change', function () {
    cancelRecovery();
    window.sessionStorage.removeItem(SESSION_KEY);
    start(elements.user.value, elements.locale.value).catch(fail);
  });

  elements.restart.addEventListener('click', function () {
    cancelRecovery();
    window.sessionStorage.removeItem(SESSION_KEY);
    start(elements.user.value, elements.locale.value).catch(fail);
  });

  var stored = readSession();
  if (stored && stored.expiresAt - Date.now() > MIN_REMAINING_MS) {
    elements.locale.value = stored.locale;
    elements.user.value = stored.userChoice || '';
    applyLabels(stored.locale);
    refresh(stored).then(connect, function () {
      window.sessionStorage.removeItem(SESSION_KEY);
      return start(stored.userChoice, stored.locale);
    }).catch(fail);
  } else {
    var locale = initialLocale();
    elements.locale.value = locale;
    start(elements.user.value, locale).catch(fail);
  }
})();
