/* The leader's dashboard: charts and the grid heat map, redrawn every minute. */
(function () {
  'use strict';
  var charts = {};
  var heat = null;

  function chart(id) {
    var el = document.getElementById(id);
    if (!charts[id]) { charts[id] = echarts.init(el, 'dark', { renderer: 'canvas' }); }
    return charts[id];
  }

  function bars(id, rows) {
    chart(id).setOption({
      backgroundColor: 'transparent', tooltip: { trigger: 'axis' }, grid: { left: 130, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }) },
      series: [{ type: 'bar', data: rows.map(function (r) { return r.received; }), itemStyle: { color: '#4f8fd6' } },
               { type: 'bar', data: rows.map(function (r) { return r.resolved; }), itemStyle: { color: '#3fb27f' } }]
    });
  }

  function colour(n, max) {
    if (!n) { return '#1b3350'; }
    var t = Math.min(1, n / Math.max(1, max));
    var r = Math.round(255 * t), g = Math.round(200 * (1 - t) + 60 * t);
    return 'rgb(' + r + ',' + g + ',60)';
  }

  function draw(data) {
    var trendEl = document.getElementById('chart-trend');
    chart('chart-trend').setOption({
      backgroundColor: 'transparent', tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: data.trend.map(function (d) { return d.day.substring(5); }) },
      yAxis: { type: 'value' },
      series: [{ name: trendEl.dataset.received, type: 'line', smooth: true, data: data.trend.map(function (d) { return d.received; }) },
               { name: trendEl.dataset.resolved, type: 'line', smooth: true, data: data.trend.map(function (d) { return d.resolved; }) }]
    });
    bars('chart-category', data.byCategory);
    bars('chart-unit', data.byUnit);
    var counts = {}, max = 0;
    data.byGrid.forEach(function (g) { counts[g.key] = g.received; max = Math.max(max, g.received); });
    var paint = function () {
      heat.layer.eachLayer(function (l) {
        var n = counts[l.feature.properties.code] || 0;
        l.setStyle({ fillColor: colour(n, max), fillOpacity: 0.75, color: '#0d1b2a', weight: 1 });
        l.setTooltipContent(l.feature.properties.name + ': ' + n);
      });
    };
    if (heat) { paint(); } else {
      OneGrid.gridMap(document.getElementById('heat-map')).then(function (m) { heat = m; paint(); });
    }
  }

  function refresh() {
    fetch('/dashboard/data', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(draw);
  }

  document.addEventListener('DOMContentLoaded', function () {
    refresh();
    setInterval(refresh, 60000);
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  });
})();
