// Draws every element with data-chart from the JSON named by data-source: [{name, projects, wan}].
(function () {
  function draw(el) {
    var rows = JSON.parse(document.querySelector(el.dataset.source).textContent);
    var chart = echarts.init(el);
    var names = rows.map(function (r) { return r.name; });
    var kind = el.dataset.chart;
    var option;
    if (kind === 'pie') {
      option = {
        tooltip: { trigger: 'item', formatter: '{b}: {c} 万元 ({d}%)' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (r) { return { name: r.name, value: r.wan }; }) }]
      };
    } else if (kind === 'years') {
      option = {
        tooltip: { trigger: 'axis' },
        legend: { data: ['项目数（个）', '实际支出（万元）'], bottom: 0 },
        grid: { left: 16, right: 16, top: 40, bottom: 36, containLabel: true },
        xAxis: { type: 'category', data: names },
        yAxis: [{ type: 'value', name: '个' }, { type: 'value', name: '万元' }],
        series: [
          { name: '项目数（个）', type: 'bar', data: rows.map(function (r) { return r.projects; }) },
          { name: '实际支出（万元）', type: 'line', yAxisIndex: 1, data: rows.map(function (r) { return r.wan; }) }
        ]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis' },
        // The axis name sits under the axis: at its end it was cut off on the right.
        grid: { left: 16, right: 24, top: 10, bottom: 36, containLabel: true },
        xAxis: { type: 'value', name: '万元', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [{ type: 'bar', data: rows.map(function (r) { return r.wan; }), itemStyle: { color: '#c62828' } }]
      };
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('[data-chart]').forEach(draw);
})();
