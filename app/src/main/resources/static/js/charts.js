// Small helpers around uPlot for the home page and the dashboard (docs/ui.md).
window.DG = window.DG || {};
DG.palette = ['#1f5fbf', '#b3261e', '#1e7a45', '#d08a00', '#6b3fa0', '#00838f', '#5b6478'];
DG.chart = function (el, names, opts) {
  opts = opts || {};
  var series = [{}].concat(names.map(function (n, i) {
    return { label: n, stroke: DG.palette[i % DG.palette.length], width: 2, spanGaps: true };
  }));
  var data = [[]].concat(names.map(function () { return []; }));
  var plot = new uPlot({
    width: Math.max(260, el.clientWidth || 360), height: opts.height || 180, series: series,
    scales: opts.scales || {}, axes: [{}, { size: 50 }], legend: { show: true }
  }, data, el);
  window.addEventListener('resize', function () { plot.setSize({ width: Math.max(260, el.clientWidth), height: opts.height || 180 }); });
  return { plot: plot, data: data, el: el };
};
// Appends one point (x in seconds, one y per series), keeps the last max points, counts them on the element.
DG.push = function (c, x, ys, max) {
  c.data[0].push(x);
  ys.forEach(function (y, i) { c.data[i + 1].push(y == null ? null : y); });
  if (c.data[0].length > (max || 150)) { c.data.forEach(function (a) { a.shift(); }); }
  c.plot.setData(c.data);
  c.el.setAttribute('data-points', String(parseInt(c.el.getAttribute('data-points') || '0', 10) + 1));
};
