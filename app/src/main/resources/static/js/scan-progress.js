// Scan page: live progress from the scan's server-sent events; reloads once the scan has ended to show findings.
(function () {
  var box = document.getElementById('progress');
  if (!box || box.dataset.final === 'true' || !window.EventSource) { return; }
  var source = new EventSource(box.dataset.events);
  function mb(b) { return (b / 1048576).toFixed(1); }
  function show(v) {
    var p = v.progress, pct = p.percent == null ? 0 : p.percent;
    document.getElementById('progress-bar').style.width = pct + '%';
    box.querySelector('.bar').setAttribute('aria-valuenow', String(pct));
    document.getElementById('progress-percent').textContent = pct + ' %';
    document.getElementById('progress-files').textContent = p.filesDone + ' / ' + p.filesTotal;
    document.getElementById('progress-mb').textContent = mb(p.bytesDone) + ' / ' + mb(p.bytesTotal);
    document.getElementById('progress-findings').textContent = String(p.findings);
    document.getElementById('progress-eta').textContent = p.etaSeconds == null ? '–' : p.etaSeconds + ' s';
    var st = document.getElementById('scan-status');
    st.setAttribute('data-status', v.status);
    st.className = 'status ' + v.status;
  }
  source.addEventListener('progress', function (e) { show(JSON.parse(e.data)); });
  source.addEventListener('end', function (e) {
    show(JSON.parse(e.data));
    source.close();
    setTimeout(function () { window.location.reload(); }, 600);
  });
  source.onerror = function () { if (source.readyState === 2) { setTimeout(function () { window.location.reload(); }, 3000); } };
})();
