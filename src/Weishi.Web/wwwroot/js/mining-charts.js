// 需求分析 charts: topic trend by month (lines) and category shares (pie), from the JSON named by data-source.
(function () {
  document.querySelectorAll('[data-mining-chart]').forEach(function (el) {
    var data = JSON.parse(document.querySelector(el.dataset.source).textContent);
    var chart = echarts.init(el);
    var option;
    if (el.dataset.miningChart === 'trend') {
      option = {
        tooltip: { trigger: 'axis' },
        // Legend below and labels inside the grid, so the unit does not sit under the legend and a phone shows every month.
        legend: { type: 'scroll', bottom: 0, data: data.series.map(function (s) { return s.name; }) },
        grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', name: '条', minInterval: 1 },
        series: data.series.map(function (s) { return { name: s.name, type: 'line', data: s.data }; })
      };
    } else {
      option = {
        tooltip: { trigger: 'item', formatter: '{b}: {c} 条 ({d}%)' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: data }]
      };
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
