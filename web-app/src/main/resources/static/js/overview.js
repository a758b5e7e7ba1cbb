// The overview's chart, drawn from the totals section's data, and its live redraw: the page listens
// to the web app's relay of the reporting service's live totals and fetches the redrawn section
// when the position moved. Live only for the present; a page drawn as of a date stays put.
(function () {
  function drawChart() {
    var totals = document.getElementById('totals');
    var target = document.getElementById('area-chart');
    if (!totals || !target || !window.echarts) return;
    var data = JSON.parse(totals.dataset.chart);
    var existing = echarts.getInstanceByDom(target);
    if (existing) existing.dispose();
    var chart = echarts.init(target, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: 'tkr',
               axisLabel: { color: '#1a1a1a', formatter: function (v) { return v.toLocaleString('sv-SE'); } } },
      yAxis: { type: 'category', inverse: true, data: data.areas,
               axisLabel: { color: '#1a1a1a', width: 180, overflow: 'truncate' } },
      series: [
        { name: totals.dataset.feeLabel, type: 'bar', stack: 'cost', data: data.fees, itemStyle: { color: '#004a85' } },
        { name: totals.dataset.otherLabel, type: 'bar', stack: 'cost', data: data.otherCosts, itemStyle: { color: '#c26a00' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function listen() {
    var totals = document.getElementById('totals');
    if (!totals || totals.dataset.live !== 'true' || !window.EventSource) return;
    var year = totals.dataset.year;
    var status = document.getElementById('live-status');
    var source = new EventSource('/overview/live?year=' + encodeURIComponent(year));
    source.addEventListener('totals', function (event) {
      var shown = document.getElementById('totals');
      if (shown && shown.dataset.position === event.data) return;
      htmx.ajax('GET', '/overview/totals?year=' + encodeURIComponent(year),
                { target: '#totals', swap: 'outerHTML' }).then(function () {
        drawChart();
        if (status) status.textContent = status.dataset.updated.replace('{0}', new Date().toLocaleTimeString('sv-SE'));
      });
    });
  }

  drawChart();
  listen();
})();
