// Survey results: draws every [data-survey-chart] from the JSON named by data-source: {labels, series: [{name, data}]}
// as horizontal stacked bars (a distribution per row); data-survey-chart="mean" draws one bar per label instead.
(function () {
  var colours = ['#2e7d32', '#9ccc65', '#ffca28', '#ef6c00', '#c62828'];
  function draw(el) {
    var src = JSON.parse(document.querySelector(el.dataset.source).textContent);
    var chart = echarts.init(el);
    var stacked = el.dataset.surveyChart !== 'mean';
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: stacked ? { top: 0 } : undefined,
      grid: { left: 10, right: 20, top: stacked ? 30 : 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', max: stacked ? undefined : 5 },
      yAxis: { type: 'category', data: src.labels, inverse: true },
      series: src.series.map(function (s, i) {
        return { name: s.name, type: 'bar', stack: stacked ? 'all' : undefined, data: s.data,
                 itemStyle: { color: stacked ? colours[i % colours.length] : '#c62828' } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('[data-survey-chart]').forEach(draw);
})();
