// Box plot of unit costs per function (元 per unit) from #box-data: [{name, box: [min, q1, median, q3, max]}].
(function () {
  var el = document.getElementById('cost-box');
  var data = document.getElementById('box-data');
  if (!el || !data || typeof echarts === 'undefined') return;
  var rows = JSON.parse(data.textContent);
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'item' },
    grid: { left: 160, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: '元/单位' },
    yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), inverse: true },
    series: [{ type: 'boxplot', data: rows.map(function (r) { return r.box; }) }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
