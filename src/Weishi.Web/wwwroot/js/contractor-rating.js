// The contractor's yearly assessment score as a line, with the district's watch and suspension lines, from #rating-data:
// {years: [{year, score, grade}], watchBelow, suspendBelow}.
(function () {
  var el = document.getElementById('rating-chart');
  var data = document.getElementById('rating-data');
  if (!el || !data || typeof echarts === 'undefined') return;
  var d = JSON.parse(data.textContent);
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis', formatter: function (p) { var r = d.years[p[0].dataIndex]; return r.year + ' 年：' + r.score.toFixed(2) + ' 分（' + r.grade + '）'; } },
    grid: { left: 40, right: 70, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: d.years.map(function (r) { return String(r.year); }) },
    yAxis: { type: 'value', min: 0, max: 100, name: '分' },
    series: [{
      type: 'line', data: d.years.map(function (r) { return r.score; }), itemStyle: { color: '#c62828' }, label: { show: true, formatter: function (p) { return p.value.toFixed(1); } },
      markLine: { symbol: 'none', label: { formatter: '{b}' }, data: [
        { name: '重点关注线', yAxis: d.watchBelow, lineStyle: { color: '#f0ad4e', type: 'dashed' } },
        { name: '暂停线', yAxis: d.suspendBelow, lineStyle: { color: '#d9534f', type: 'dashed' } }
      ] }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
