// Home page: the organisation's compliance score over time (data in data-* attributes, rendered server-side).
(function () {
  var el = document.getElementById('score-chart');
  if (!el || !window.uPlot) { return; }
  var xs = el.dataset.times.split(',').map(Number);
  var ys = el.dataset.values.split(',').map(Number);
  var c = DG.chart(el, [el.dataset.label || 'score'], { scales: { y: { range: [0, 100] } }, height: 220 });
  c.data[0] = xs; c.data[1] = ys; c.plot.setData(c.data);
  el.setAttribute('data-points', String(xs.length));
})();
