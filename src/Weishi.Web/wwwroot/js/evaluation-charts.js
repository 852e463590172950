// Charts of the evaluation pages: yearly projects and spending, scores against weights, and comparisons.
(function () {
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') return;
    var chart = echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  var years = data('years-data');
  if (years) draw('chart-years', {
    tooltip: { trigger: 'axis' }, legend: { data: ['项目数（个）', '实际支出（万元）'] },
    xAxis: { type: 'category', data: years.map(function (r) { return r.name; }) },
    yAxis: [{ type: 'value', name: '个' }, { type: 'value', name: '万元' }],
    series: [
      { name: '项目数（个）', type: 'bar', data: years.map(function (r) { return r.projects; }) },
      { name: '实际支出（万元）', type: 'line', yAxisIndex: 1, data: years.map(function (r) { return r.wan; }) }
    ]
  });
  var scores = data('scores-data');
  if (scores) draw('chart-scores', {
    tooltip: { trigger: 'axis' }, legend: { data: ['权重', '得分'] },
    xAxis: { type: 'category', data: scores.map(function (r) { return r.name; }) },
    yAxis: { type: 'value', name: '分' },
    series: [
      { name: '权重', type: 'bar', data: scores.map(function (r) { return r.weight; }), itemStyle: { color: '#bbb' } },
      { name: '得分', type: 'bar', data: scores.map(function (r) { return r.score; }), itemStyle: { color: '#c62828' } }
    ]
  });
  var compare = data('compare-data');
  if (compare) draw('chart-compare', {
    tooltip: { trigger: 'axis' }, legend: { data: compare.series.map(function (s) { return s.name; }) },
    grid: { left: 50, right: 20, bottom: 80 },
    xAxis: { type: 'category', data: compare.units, axisLabel: { rotate: 40 } },
    yAxis: { type: 'value', name: compare.unit },
    series: compare.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; })
  });
})();
