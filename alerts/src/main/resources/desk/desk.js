// The newswatch desk. Every piece of feed text reaches the page through textContent or a text node, never
// through innerHTML; links are only http(s). The page holds no data until signed in.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const state = {me: null, csrf: null, rows: new Map(), order: [], next: null, selected: null, source: null, filters: {}};
  const SEVERITIES = ['critical', 'high', 'medium', 'low'];

  // ---- DOM helpers: text only ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'href') { const u = safeUrl(v); if (u) e.setAttribute('href', u); }
      else e.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  function safeUrl(u) {
    try { const p = new URL(u, location.href); return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null; } catch (e) { return null; }
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
  function ago(iso) {
    if (!iso) return '';
    const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (s < 60) return 'just now';
    if (s < 3600) return Math.floor(s / 60) + ' min ago';
    if (s < 86400) return Math.floor(s / 3600) + ' h ago';
    return Math.floor(s / 86400) + ' d ago';
  }

  // ---- API ----
  async function api(method, path, body) {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    const r = await fetch('.' + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin'});
    if (r.status === 401 && path !== '/api/session') { showSignIn(); throw new Error('signed out'); }
    const data = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok) throw new Error((data && data.error) || ('HTTP ' + r.status));
    return data;
  }

  // ---- sign-in ----
  function showSignIn(message) {
    if (state.source) { state.source.close(); state.source = null; }
    state.me = null; state.csrf = null;
    $('desk').hidden = true; $('tabs').hidden = true; $('who').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    $('signin-token').focus();
  }
  async function signIn(token) {
    try {
      const me = await api('POST', '/api/session', {token});
      start(me);
    } catch (e) {
      showSignIn(e.message === 'the token is not known' ? 'That token is not known.' : e.message);
    }
  }
  function start(me) {
    state.me = me; state.csrf = me.csrf;
    $('signin').hidden = true; $('desk').hidden = false; $('tabs').hidden = false; $('who').hidden = false;
    $('who-name').textContent = me.name + ' · ' + me.role;
    document.body.dataset.role = me.role;
    connect();
    loadAlerts(true);
    loadRules();
  }

  // ---- live updates ----
  function connect() {
    if (state.source) state.source.close();
    const src = new EventSource('./api/events');
    state.source = src;
    src.onopen = () => setLive(true);
    src.onerror = () => setLive(false);
    src.addEventListener('alert', (ev) => {
      const a = JSON.parse(ev.data);
      upsert({alert: a, feedback: state.rows.has(a.alertId) ? state.rows.get(a.alertId).feedback : null}, true);
    });
    src.addEventListener('feedback', (ev) => {
      const f = JSON.parse(ev.data);
      const row = state.rows.get(f.alertId);
      if (row) { row.feedback = f; renderRow(row); if (state.selected === f.alertId) renderTriage(row.alert, f); }
    });
  }
  function setLive(on) {
    const l = $('live');
    l.textContent = on ? 'live' : 'reconnecting';
    l.className = on ? 'live on' : 'live';
  }

  // ---- alerts list ----
  function filterParams() {
    const f = {
      rule: $('f-rule').value, severity: $('f-severity').value, status: $('f-status').value, shadow: $('f-shadow').value, entity: $('f-entity').value.trim(),
      source: $('f-source').value.trim(), lang: $('f-lang').value.trim(), since: $('f-since').value, until: $('f-until').value
    };
    state.filters = f;
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    return p;
  }
  async function loadAlerts(fresh) {
    const p = filterParams();
    p.set('limit', '50');
    if (!fresh && state.next) p.set('cursor', state.next);
    const page = await api('GET', '/api/alerts?' + p.toString());
    if (fresh) { state.rows.clear(); state.order = []; clear($('alert-list')); }
    for (const row of page.items) upsert(row, false);
    state.next = page.next;
    $('load-more').hidden = !page.next;
    updateCount();
  }
  function matchesFilters(a, fb) {
    const f = state.filters, eq = (x, y) => (x || '').toLowerCase() === (y || '').toLowerCase();
    if (f.rule && a.ruleId !== f.rule) return false;
    if (f.severity && !eq(a.severity, f.severity)) return false;
    if (f.status && f.status !== ((fb && fb.status) || 'OPEN').toLowerCase().replace('_', '-')) return false;
    if (f.shadow && String(!!a.shadow) !== f.shadow) return false;
    if (f.entity && !(a.entities || []).some((e) => eq(e.id, f.entity) || eq(e.name, f.entity))) return false;
    if (f.source && !eq(a.source, f.source) && !(a.outlets || []).some((o) => eq(o, f.source))) return false;
    if (f.lang && !eq(a.lang, f.lang) && !(a.languages || []).some((l) => eq(l, f.lang))) return false;
    if (f.since && a.raisedAt < f.since) return false;
    if (f.until && a.raisedAt >= f.until) return false;
    return true;
  }
  function upsert(row, live) {
    const id = row.alert.alertId;
    const known = state.rows.get(id);
    if (live && !known && !matchesFilters(row.alert, row.feedback)) return;
    state.rows.set(id, row);
    if (known) {
      renderRow(row);
      // a new version of the open alert: redraw it, unless the analyst is typing in it
      if (live && state.selected === id && !busy()) openAlert(id);
      return;
    }
    const li = renderRow(row);
    if (live) {
      $('alert-list').prepend(li);
      li.classList.add('fresh');
      setTimeout(() => li.classList.remove('fresh'), 4000);
    } else {
      $('alert-list').appendChild(li);
    }
    updateCount();
    if (!$('rule-opt-' + row.alert.ruleId)) addRuleOption(row.alert.ruleId);
  }
  function busy() {
    const t = $('triage');
    return !!t && (t.contains(document.activeElement) || ['note-text', 'assign-to'].some((i) => $(i) && $(i).value.trim() !== ''));
  }
  function updateCount() {
    const n = state.rows.size;
    $('list-count').textContent = n + (state.next ? '+' : '') + ' shown';
    $('list-empty').hidden = n > 0;
  }
  function statusOf(fb) { return ((fb && fb.status) || 'OPEN').toLowerCase().replace('_', '-'); }
  function renderRow(row) {
    const a = row.alert;
    const existing = document.querySelector('li.alert-row[data-id="' + CSS.escape(a.alertId) + '"]');
    const st = statusOf(row.feedback);
    const li = el('li', {class: 'alert-row' + (state.selected === a.alertId ? ' selected' : ''), 'data-id': a.alertId, tabindex: 0},
      el('span', {class: 'sev sev-' + (SEVERITIES.includes(a.severity) ? a.severity : 'low'), text: a.severity || ''}),
      el('div', {class: 'row-main'},
        el('div', {class: 'alert-title', text: a.title || '(no title)'}),
        el('div', {class: 'row-meta'},
          el('span', {class: 'rule', text: a.ruleId}),
          a.shadow ? el('span', {class: 'shadow', title: 'shadow rule: no channel was notified', text: 'shadow'}) : null,
          el('span', {text: a.source || ''}),
          el('span', {class: 'lang', text: (a.languages && a.languages.length > 1 ? a.languages.join(' ') : a.lang) || ''}),
          a.outlets && a.outlets.length > 1 ? el('span', {text: a.outlets.length + ' outlets'}) : null,
          a.version > 1 ? el('span', {text: 'v' + a.version}) : null)),
      el('div', {class: 'row-side'},
        el('span', {class: 'status status-' + st, text: st.replace('-', ' ')}),
        el('time', {datetime: a.raisedAt, title: when(a.raisedAt), text: ago(a.raisedAt)})));
    li.addEventListener('click', () => openAlert(a.alertId));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') openAlert(a.alertId); });
    if (existing) existing.replaceWith(li);
    return li;
  }

  // ---- alert view ----
  function highlighted(snippet) {
    // highlights are offsets in the field; the snippet starts at snippet.start
    const text = snippet.text || '';
    const spans = (snippet.highlights || []).map((h) => [h.start - snippet.start, h.end - snippet.start])
      .filter(([s, e]) => s >= 0 && e <= text.length && e > s).sort((x, y) => x[0] - y[0]);
    const out = el('blockquote', {class: 'snippet'});
    let at = 0;
    for (const [s, e] of spans) {
      if (s < at) continue;
      out.appendChild(document.createTextNode(text.slice(at, s)));
      out.appendChild(el('mark', {text: text.slice(s, e)}));
      at = e;
    }
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }
  async function openAlert(id) {
    state.selected = id;
    document.querySelectorAll('li.alert-row.selected').forEach((n) => n.classList.remove('selected'));
    const li = document.querySelector('li.alert-row[data-id="' + CSS.escape(id) + '"]');
    if (li) li.classList.add('selected');
    const view = await api('GET', '/api/alerts/' + encodeURIComponent(id));
    const a = view.alert;
    const body = $('detail-body');
    clear(body);
    body.appendChild(el('div', {class: 'detail-head'},
      el('span', {class: 'sev sev-' + (SEVERITIES.includes(a.severity) ? a.severity : 'low'), text: a.severity || ''}),
      el('span', {class: 'rule', text: a.ruleId}),
      a.shadow ? el('span', {class: 'shadow', title: 'shadow rule: no channel was notified', text: 'shadow'}) : null,
      el('span', {class: 'muted', text: 'rule version ' + (a.ruleVersion || '?')})));
    body.appendChild(el('h2', {id: 'detail-title'}, el('a', {href: a.url, target: '_blank', rel: 'noopener noreferrer', text: a.title || a.url || '(no title)'})));
    body.appendChild(el('p', {class: 'muted'}, (a.source || '') + ' · ' + (a.lang || '?') + ' · raised ' + when(a.raisedAt)
      + (a.version > 1 ? ' · version ' + a.version + ', updated ' + when(a.updatedAt) : '')));
    body.appendChild(el('h3', {text: 'Why it fired'}));
    for (const s of a.snippets || []) body.appendChild(highlighted(s));
    if ((a.entities || []).length) {
      body.appendChild(el('h3', {text: 'Entities'}));
      body.appendChild(el('ul', {class: 'chips'}, a.entities.map((e) => el('li', {class: 'chip chip-' + (e.type || 'x'), title: e.type || ''},
        e.name || e.id, el('span', {class: 'count', text: '×' + e.count})))));
    }
    body.appendChild(el('h3', {text: 'Story: ' + a.articles + ' article' + (a.articles === 1 ? '' : 's') + ', '
      + (a.outlets || []).length + ' outlet' + ((a.outlets || []).length === 1 ? '' : 's') + ', ' + (a.languages || []).join(', ')}));
    const story = el('ol', {id: 'story-articles', class: 'story'});
    body.appendChild(story);
    if (a.storyId) {
      api('GET', '/api/stories/' + encodeURIComponent(a.storyId)).then((s) => {
        for (const art of s.articles) {
          const hit = (art.rules || []).find((r) => r.id === a.ruleId) || (art.rules || [])[0];
          story.appendChild(el('li', {},
            el('a', {href: art.url, target: '_blank', rel: 'noopener noreferrer', text: art.title || art.url || art.articleId}),
            el('div', {class: 'muted'}, (art.source || '') + ' · ' + (art.lang || '?') + ' · ' + when(art.publishedAt || art.matchedAt)
              + (art.duplicateOf ? ' · copy' : '')),
            hit && hit.snippets && hit.snippets[0] ? highlighted(hit.snippets[0]) : null));
        }
      }).catch(() => story.appendChild(el('li', {class: 'muted', text: 'story not available'})));
    }
    body.appendChild(el('h3', {text: 'Delivery'}));
    const canAct = state.me.role === 'analyst' || state.me.role === 'admin';
    body.appendChild(el('table', {class: 'deliveries'}, el('tbody', {}, (view.deliveries || []).map((d) => el('tr', {},
      el('td', {text: d.channel}),
      el('td', {}, el('span', {class: 'dstatus dstatus-' + String(d.status).toLowerCase(), text: String(d.status).toLowerCase()})),
      el('td', {class: 'muted', text: (d.attempts ? d.attempts + ' attempt' + (d.attempts === 1 ? '' : 's') : '') + (d.at ? ' · ' + when(d.at) : '')
        + (d.cause ? ' · ' + d.cause : '')}),
      el('td', {}, d.status === 'FAILED' && canAct ? retryButton(a, d.channel) : null))))));
    const triage = el('div', {id: 'triage', class: 'triage'});
    body.appendChild(el('h3', {text: 'Triage'}));
    body.appendChild(triage);
    renderTriage(a, view.feedback);
    $('detail').hidden = false;
    document.body.classList.add('detail-open');
  }
  function retryButton(a, channel) {
    const b = el('button', {type: 'button', class: 'small', text: 'Retry'});
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { const r = await api('POST', '/api/alerts/' + encodeURIComponent(a.alertId) + '/retry', {channel}); b.textContent = r.results.join('; '); }
      catch (e) { b.textContent = e.message; }
    });
    return b;
  }
  function renderTriage(a, fb) {
    const t = $('triage');
    if (!t) return;
    clear(t);
    const st = statusOf(fb);
    t.appendChild(el('p', {}, 'Status: ', el('span', {id: 'triage-status', class: 'status status-' + st, text: st.replace('-', ' ')}),
      fb && fb.assignee ? el('span', {class: 'muted'}, ' · assigned to ', el('strong', {text: fb.assignee})) : null));
    const canAct = state.me.role === 'analyst' || state.me.role === 'admin';
    if (canAct) {
      const act = (action, value) => async () => {
        try {
          const f = await api('POST', '/api/alerts/' + encodeURIComponent(a.alertId) + '/feedback', {action, value});
          const row = state.rows.get(a.alertId);
          if (row) { row.feedback = f; renderRow(row); }
          renderTriage(a, f);
        } catch (e) { $('triage-error').textContent = e.message; }
      };
      const buttons = el('div', {class: 'row'});
      const add = (id, label, action, cls) => { const b = el('button', {type: 'button', id, class: cls || '', text: label}); b.addEventListener('click', act(action)); buttons.appendChild(b); };
      if (st !== 'acknowledged') add('act-acknowledge', 'Acknowledge', 'acknowledge', 'primary');
      if (st !== 'false-positive') add('act-false-positive', 'False positive', 'false-positive', 'danger');
      if (st !== 'open') add('act-reopen', 'Reopen', 'reopen');
      t.appendChild(buttons);
      const who = el('input', {id: 'assign-to', placeholder: 'assign to…', maxlength: 100});
      const assign = el('button', {type: 'button', id: 'act-assign', text: 'Assign'});
      assign.addEventListener('click', () => act('assign', who.value.trim())());
      t.appendChild(el('div', {class: 'row'}, who, assign));
      const note = el('textarea', {id: 'note-text', rows: 2, maxlength: 4000, placeholder: 'add a note…'});
      const save = el('button', {type: 'button', id: 'act-note', text: 'Add note'});
      save.addEventListener('click', () => { if (note.value.trim()) act('note', note.value.trim())(); });
      t.appendChild(el('div', {class: 'row'}, note, save));
      t.appendChild(el('p', {class: 'error', id: 'triage-error', role: 'alert'}));
    }
    const hist = (fb && fb.actions) || [];
    if (hist.length) {
      t.appendChild(el('ol', {class: 'history'}, hist.slice().reverse().map((x) => el('li', {},
        el('time', {text: when(x.at)}), ' ', el('strong', {text: x.by}), ' ', String(x.kind).toLowerCase().replace('_', ' '),
        x.value ? el('span', {class: 'note', text: ' — ' + x.value}) : null))));
    }
  }

  // ---- rules, chart, feeds, channels ----
  function addRuleOption(rule) {
    if (!rule || $('rule-opt-' + rule)) return;
    $('f-rule').appendChild(el('option', {id: 'rule-opt-' + rule, value: rule, text: rule}));
  }
  async function loadRules() {
    const s = await api('GET', '/api/stats/rules?days=30');
    Object.keys(s.rules).forEach(addRuleOption);
    return s;
  }
  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  async function loadChart() {
    const s = await loadRules();
    const box = $('chart');
    clear(box); clear($('chart-legend'));
    const rules = Object.keys(s.rules);
    const totals = s.days.map((_, i) => rules.reduce((n, r) => n + s.rules[r][i], 0));
    const max = Math.max(1, ...totals);
    const W = 900, H = 260, P = 34, bw = (W - P - 10) / s.days.length;
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + (H + 40));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'alerts per rule per day');
    const node = (tag, attrs, text) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v)); if (text !== undefined) n.textContent = text; svg.appendChild(n); return n; };
    for (let g = 0; g <= 4; g++) {
      const y = H - (H - 10) * g / 4;
      node('line', {x1: P, x2: W, y1: y, y2: y, class: 'grid'});
      node('text', {x: P - 6, y: y + 4, class: 'axis', 'text-anchor': 'end'}, String(Math.round(max * g / 4)));
    }
    s.days.forEach((d, i) => {
      let y = H;
      rules.forEach((r, k) => {
        const n = s.rules[r][i];
        if (!n) return;
        const h = (H - 10) * n / max;
        y -= h;
        const bar = node('rect', {x: P + i * bw + 1, y, width: Math.max(1, bw - 2), height: h, fill: PALETTE[k % PALETTE.length]});
        const tip = document.createElementNS(NS, 'title'); tip.textContent = d + ' · ' + r + ': ' + n; bar.appendChild(tip);
      });
      if (i % Math.ceil(s.days.length / 10) === 0) node('text', {x: P + i * bw + bw / 2, y: H + 18, class: 'axis', 'text-anchor': 'middle'}, d.slice(5));
    });
    box.appendChild(svg);
    rules.forEach((r, k) => {
      const sw = el('span', {class: 'swatch swatch-' + (k % PALETTE.length)});
      $('chart-legend').appendChild(el('li', {}, sw, r + ' (' + s.rules[r].reduce((x, y) => x + y, 0) + ')'));
    });
  }
  async function loadFeeds() {
    const feeds = await api('GET', '/api/feeds');
    const tb = $('feeds-table').tBodies[0];
    clear(tb);
    for (const f of feeds) {
      tb.appendChild(el('tr', {class: f.errorStreak > 0 ? 'bad' : ''},
        el('td', {text: f.feedId}), el('td', {title: when(f.lastSuccessAt), text: f.lastSuccessAt ? ago(f.lastSuccessAt) : 'never'}),
        el('td', {text: f.lastStatus || '–'}), el('td', {text: f.errorStreak}),
        el('td', {text: Math.round(f.notModifiedRatio * 100) + ' %'}), el('td', {text: f.polls}), el('td', {class: 'muted', text: f.lastError || ''})));
    }
    if (!feeds.length) tb.appendChild(el('tr', {}, el('td', {colspan: 7, class: 'muted', text: 'No feed has reported yet.'})));
  }
  async function loadChannels() {
    const chans = await api('GET', '/api/channels');
    const tb = $('channels-table').tBodies[0];
    clear(tb);
    for (const c of chans) {
      let action = null;
      if (state.me.role === 'admin' && c.failed > 0) {
        action = el('button', {type: 'button', class: 'small', text: 'Retry failed'});
        action.addEventListener('click', async () => {
          try { const r = await api('POST', '/api/channels/' + encodeURIComponent(c.id) + '/retry'); $('channels-result').textContent = r.results.join('; '); loadChannels(); }
          catch (e) { $('channels-result').textContent = e.message; }
        });
      }
      tb.appendChild(el('tr', {}, el('td', {text: c.id}), el('td', {text: c.type}),
        el('td', {}, el('span', {class: 'dstatus ' + (c.up ? 'dstatus-delivered' : 'dstatus-failed'), text: c.up ? 'up' : 'down'})),
        el('td', {text: c.failed}), el('td', {}, action)));
    }
  }
  function showTab(tab) {
    document.querySelectorAll('.tab').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
    for (const v of ['alerts', 'chart', 'feeds', 'channels']) $('view-' + v).hidden = v !== tab;
    const load = {chart: loadChart, feeds: loadFeeds, channels: loadChannels}[tab];
    if (load) load().catch(() => {});
  }

  // ---- wiring ----
  document.addEventListener('DOMContentLoaded', async () => {
    $('signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('signin-token').value.trim()); $('signin-token').value = ''; });
    $('sign-out').addEventListener('click', async () => { await api('DELETE', '/api/session').catch(() => {}); showSignIn('Signed out.'); });
    $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); loadAlerts(true); document.body.classList.remove('filters-open'); });
    $('reset-filters').addEventListener('click', () => { $('filter-form').reset(); loadAlerts(true); });
    $('filters-toggle').addEventListener('click', () => document.body.classList.toggle('filters-open'));
    $('load-more').addEventListener('click', () => loadAlerts(false));
    $('detail-close').addEventListener('click', () => { $('detail').hidden = true; state.selected = null; document.body.classList.remove('detail-open'); });
    document.querySelectorAll('.tab').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
    const m = /^#token=([^&]+)$/.exec(location.hash);
    if (m) {
      history.replaceState(null, '', location.pathname); // the token leaves the address bar and history
      await signIn(decodeURIComponent(m[1]));
      return;
    }
    try { start(await api('GET', '/api/session')); } catch (e) { showSignIn(); }
  });
})();
