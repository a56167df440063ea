// Performance dashboard: one server-sent stream of snapshots every 2 s drives the cards, gauges and charts;
// the tabs are htmx fragments; tables marked .sortable sort on a header click.
(function () {
  var root = document.getElementById('dashboard');
  if (!root) { return; }
  var na = root.dataset.na || 'n/a';
  var fmt = {
    ms: function (v) { return v.toFixed(2) + ' ms'; },
    rate: function (v) { return v.toFixed(1); },
    pct: function (v) { return (v * 100).toFixed(1) + ' %'; },
    int: function (v) { return String(Math.round(v)); },
    mb: function (v) { return (v / 1048576).toFixed(0); },
    mbs: function (v) { return (v / 1048576).toFixed(2); }
  };
  function el(id) { return document.getElementById(id); }
  var namespaces = (el('chart-cache').dataset.namespaces || '').split(',').filter(Boolean);
  var charts = {
    requests: DG.chart(el('chart-requests'), ['req/s']),
    latency: DG.chart(el('chart-latency'), ['p50', 'p95', 'p99']),
    pool: DG.chart(el('chart-pool'), ['active', 'pending', 'idle']),
    cache: DG.chart(el('chart-cache'), namespaces.length ? namespaces : ['all'], { scales: { y: { range: [0, 1] } } }),
    gc: DG.chart(el('chart-gc'), ['ms/s']),
    scans: DG.chart(el('chart-scans'), (el('chart-scans').dataset.labels || 'MB/s,files/s,running,queued').split(','))
  };
  function gauge(svg, ratio) {
    var v = svg.querySelector('.value'), t = svg.querySelector('.gauge-text');
    if (ratio == null) { t.textContent = na; v.setAttribute('stroke-dasharray', '0 100'); return; }
    var pct = Math.max(0, Math.min(100, ratio * 100));
    v.setAttribute('stroke-dasharray', pct.toFixed(1) + ' 100');
    t.textContent = pct.toFixed(0) + '%';
    svg.classList.toggle('warn', pct >= 50 && pct < 80);
    svg.classList.toggle('bad', pct >= 80);
  }
  function apply(s) {
    root.querySelectorAll('[data-field]').forEach(function (e) {
      var v = s[e.dataset.field];
      e.textContent = v == null ? na : fmt[e.dataset.format](v);
    });
    root.querySelectorAll('[data-gauge]').forEach(function (g) { gauge(g, s[g.dataset.gauge]); });
    var x = s.time / 1000;
    DG.push(charts.requests, x, [s.requestsPerSecond]);
    DG.push(charts.latency, x, [s.latencyP50Millis, s.latencyP95Millis, s.latencyP99Millis]);
    DG.push(charts.pool, x, [s.poolActive, s.poolPending, s.poolIdle]);
    DG.push(charts.cache, x, namespaces.length ? namespaces.map(function (n) { return s.cacheHitRates[n]; }) : [s.cacheHitRate]);
    DG.push(charts.gc, x, [s.gcPausePerSecond]);
    DG.push(charts.scans, x, [s.scanBytesPerSecond == null ? null : s.scanBytesPerSecond / 1048576,
      s.scanFilesPerSecond, s.scansRunning, s.scanQueue]);
  }
  var state = el('live-state');
  var source = new EventSource(root.dataset.stream);
  source.addEventListener('snapshot', function (e) { state.textContent = '● live'; apply(JSON.parse(e.data)); });
  source.onerror = function () { state.textContent = '○ …'; };
  window.addEventListener('beforeunload', function () { source.close(); });

  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () {
      document.querySelectorAll('.tabs button').forEach(function (o) { o.classList.toggle('on', o === b); });
    });
  });
  document.body.addEventListener('click', function (e) {
    var th = e.target.closest('table.sortable th[data-sort]');
    if (!th) { return; }
    var table = th.closest('table'), idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var num = th.dataset.sort === 'num', dir = th.dataset.dir === 'asc' ? -1 : 1;
    th.dataset.dir = dir === 1 ? 'asc' : 'desc';
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = a.cells[idx].textContent.trim(), y = b.cells[idx].textContent.trim();
      if (num) { x = parseFloat(x.replace(',', '.')) || 0; y = parseFloat(y.replace(',', '.')) || 0; return (x - y) * dir; }
      return x.localeCompare(y) * dir;
    });
    rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
  });
})();
