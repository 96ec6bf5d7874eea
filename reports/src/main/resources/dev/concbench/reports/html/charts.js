/*
 * concbench charts: turns the chart specifications embedded in the page
 * (<script id="concbench-charts" type="application/json">) into ECharts charts.
 * Every number, colour and flag is decided by the Java side; this file only draws.
 * SVG renderer: crisp in print, measurable in tests.
 */
(function () {
  'use strict';

  var FLAGS = {
    'invalid': { symbol: 'triangle', color: '#b00020', mark: '\u26a0' },
    'client-bound': { symbol: 'diamond', color: '#a85d00', mark: '\u25c6' },
    'overload': { symbol: 'rect', color: '#6d28d9', mark: '\u2298' },
    'failed': { symbol: 'rect', color: '#b00020', mark: '\u2715' }
  };
  /* How a capacity search ended: the marker of its bracket, and a colour where the model's would mislead. */
  var OUTCOMES = {
    'bracketed': { symbol: 'circle', color: null },
    'client-limited': { symbol: 'diamond', color: '#a85d00' },
    'failed-at-lowest': { symbol: 'rect', color: '#b00020' },
    'inconclusive': { symbol: 'emptyCircle', color: '#6b7280' }
  };
  var LIMIT = '#b00020';
  var AXIS = '#6b7280';
  var GRIDLINE = '#e5e7eb';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

  function significant(v) {
    var a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 99.95) return v.toFixed(0);
    if (a >= 9.995) return v.toFixed(1);
    if (a >= 0.9995) return v.toFixed(2);
    return v.toFixed(Math.min(6, 2 - Math.floor(Math.log10(a))));
  }

  function compact(v) {
    var a = Math.abs(v);
    if (a >= 999500) return significant(v / 1e6) + 'M';
    if (a >= 999.5) return significant(v / 1e3) + 'k';
    return significant(v);
  }

  function format(kind, v, axis) {
    if (v == null || isNaN(v)) return '';
    switch (kind) {
      case 'rate': return compact(v);
      case 'count': return axis && Math.abs(v) < 1000 ? String(Math.round(v * 100) / 100) : compact(v);
      case 'ms': return v >= 999.5 ? significant(v / 1000) + ' s' : significant(v) + ' ms';
      case 'us': return v >= 999.5 ? significant(v / 1000) + ' ms' : significant(v) + ' \u00b5s';
      case 'mib': return significant(v) + ' MiB';
      case 'percent': return significant(v * 100) + '%';
      default: return significant(v);
    }
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function tooltip(params) {
    var data = params.data || {};
    var lines = data.tip || [params.seriesName];
    return lines.map(function (line, i) {
      var text = escapeHtml(line);
      return i === 0 ? '<b>' + text + '</b>' : (line.charAt(0) === '\u26a0' ? '<span style="color:#b00020">' + text + '</span>' : text);
    }).join('<br>');
  }

  /* Percentile p (0..100) on an HdrHistogram-style axis: x = 1 / (1 - p/100); max sits at 10^5. */
  function percentileX(p) {
    return p >= 100 ? 100000 : 1 / (1 - p / 100);
  }

  function percentileLabel(x) {
    if (x >= 100000) return 'max';
    var p = 100 * (1 - 1 / x);
    if (p <= 0) return '0%';
    return (Math.round(p * 1000) / 1000) + '%';
  }

  /* Marks an invalid or client-bound point: its own symbol and colour, and in large charts a label. */
  function flagged(point, base, small) {
    var flag = point.flag && FLAGS[point.flag];
    if (!flag) return base;
    base.symbol = flag.symbol;
    base.symbolSize = small ? 10 : 14;
    base.itemStyle = { color: '#ffffff', borderColor: flag.color, borderWidth: small ? 2 : 2.5 };
    if (!small) {
      base.label = { show: true, position: 'top', formatter: flag.mark, color: flag.color, fontWeight: 'bold', fontSize: 13 };
    }
    return base;
  }

  function errorBars(name, color, points, toPixels, horizontal, offset) {
    var data = points.filter(function (p) { return p.low != null && p.high != null; })
      .map(function (p) { return horizontal ? [p.low, p.high, p.y] : [p.x, p.low, p.high]; });
    return {
      type: 'custom', name: name, silent: true, z: 1, data: data,
      encode: horizontal ? { x: [0, 1], y: 2 } : { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        var ends = toPixels(api);
        var a = ends[0], b = ends[1], cap = 4;
        var style = { stroke: color, lineWidth: 1.4, fill: null };
        var children = [{ type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style }];
        [a, b].forEach(function (end) {
          children.push({ type: 'line', style: style, shape: horizontal
            ? { x1: end[0], y1: end[1] - cap, x2: end[0], y2: end[1] + cap }
            : { x1: end[0] - cap, y1: end[1], x2: end[0] + cap, y2: end[1] } });
        });
        return { type: 'group', children: children, position: horizontal ? [0, offset || 0] : [0, 0] };
      }
    };
  }

  /* Legend rows needed for these series names in a chart this wide (ECharts wraps a plain legend). */
  function legendRows(names, width) {
    var rows = 1, used = 0;
    names.forEach(function (name) {
      var item = name.length * 7 + 36;
      if (used + item > width - 40 && used > 0) { rows++; used = 0; }
      used += item;
    });
    return rows;
  }

  function baseOption(spec, legend, names) {
    var rows = legend ? legendRows(names || [], document.getElementById(spec.id).clientWidth || 600) : 0;
    return {
      animation: false,
      textStyle: { fontFamily: FONT, color: '#1f2937' },
      legend: legend ? { top: 0, left: 'center', itemWidth: 18, itemHeight: 10, textStyle: { fontSize: 12 } } : undefined,
      grid: { left: 12, right: 24, top: legend ? 22 + rows * 22 : 28, bottom: 34, containLabel: true },
      tooltip: { trigger: 'item', confine: true, formatter: tooltip }
    };
  }

  function valueAxis(spec, log, name, isX, formatter) {
    return {
      type: log ? 'log' : 'value',
      logBase: isX && spec.kind === 'lines' ? 2 : 10,
      name: name,
      nameLocation: isX ? 'middle' : 'end',
      nameGap: isX ? 26 : 12,
      nameTextStyle: { color: AXIS, fontSize: 12, align: isX ? 'center' : 'left' },
      axisLine: { show: true, lineStyle: { color: AXIS } },
      axisTick: { show: true },
      axisLabel: { color: AXIS, fontSize: 11, formatter: formatter },
      splitLine: { show: true, lineStyle: { color: GRIDLINE } },
      minorSplitLine: { show: false },
      scale: !log
    };
  }

  function lineSeries(spec, s, xOf) {
    var log = spec.yLog;
    var points = s.points.filter(function (p) { return !log || p.y > 0; });
    var line = {
      type: 'line', name: s.name, z: 3,
      symbol: 'circle', symbolSize: 7, showSymbol: true,
      lineStyle: { color: s.color, width: 2, type: s.dashed ? 'dashed' : 'solid' },
      itemStyle: { color: s.color },
      emphasis: { focus: 'series' },
      data: points.map(function (p) { return flagged(p, { value: [xOf(p.x), p.y], tip: p.tip }, !spec.legend); })
    };
    var bars = errorBars(s.name, s.color, points.map(function (p) {
      var low = p.low;
      if (log && low != null && low <= 0) low = p.y / 10;
      return { x: xOf(p.x), y: p.y, low: low, high: p.high };
    }), function (api) {
      return [api.coord([api.value(0), api.value(1)]), api.coord([api.value(0), api.value(2)])];
    }, false);
    return [line, bars];
  }

  function linesOption(spec, seriesList, percentiles) {
    var xOf = percentiles ? percentileX : function (x) { return x; };
    var option = baseOption(spec, spec.legend, seriesList.map(function (s) { return s.name; }));
    var x = valueAxis(spec, spec.xLog, spec.xName, true, percentiles ? percentileLabel : function (v) { return format('count', v, true); });
    if (percentiles) {
      x.min = 1;
      x.max = 100000;
    } else {
      var xs = [];
      seriesList.forEach(function (s) { s.points.forEach(function (p) { xs.push(p.x); }); });
      if (xs.length && spec.xLog && spec.kind === 'lines') {
        x.min = Math.pow(2, Math.floor(Math.log2(Math.min.apply(null, xs))));
        x.max = Math.pow(2, Math.ceil(Math.log2(Math.max.apply(null, xs))));
      }
    }
    option.xAxis = x;
    option.yAxis = valueAxis(spec, spec.yLog, spec.yName, false, function (v) { return format(spec.format, v, true); });
    option.series = [];
    seriesList.forEach(function (s) {
      lineSeries(spec, s, xOf).forEach(function (series) { option.series.push(series); });
    });
    return option;
  }

  function barsOption(spec) {
    var option = baseOption(spec, false);
    var s = spec.series[0];
    option.xAxis = { type: 'category', data: spec.categories, axisLabel: { color: '#1f2937', fontSize: 12, interval: 0 },
      axisLine: { lineStyle: { color: AXIS } } };
    option.yAxis = valueAxis(spec, false, spec.yName, false, function (v) { return format(spec.format, v, true); });
    option.series = [{
      type: 'bar', name: s.name, barMaxWidth: 56, z: 2,
      data: s.points.map(function (p) {
        var flag = p.flag && FLAGS[p.flag];
        return {
          value: p.y, tip: p.tip,
          itemStyle: flag ? { color: p.color || s.color, borderColor: flag.color, borderWidth: 3, borderType: 'dashed', opacity: 0.75 }
            : { color: p.color || s.color },
          label: { show: true, position: 'top', distance: 8, color: flag ? flag.color : '#1f2937', fontWeight: 'bold',
            formatter: function () { return format(spec.format, p.y) + (flag ? ' ' + flag.mark : ''); } }
        };
      })
    }, errorBars(s.name, '#111827', s.points, function (api) {
      return [api.coord([api.value(0), api.value(1)]), api.coord([api.value(0), api.value(2)])];
    }, false)];
    return option;
  }

  function dotsOption(spec) {
    var option = baseOption(spec, true, spec.series.map(function (s) { return s.name; }));
    var n = spec.series.length;
    var longest = spec.categories.reduce(function (max, c) { return Math.max(max, c.length); }, 0);
    option.grid.containLabel = false;
    option.grid.left = Math.min(360, 16 + longest * 6.6);
    option.grid.bottom = 48;
    option.yAxis = { type: 'category', data: spec.categories, inverse: true,
      axisLabel: { color: '#1f2937', fontSize: 11 }, axisLine: { lineStyle: { color: AXIS } },
      splitLine: { show: true, lineStyle: { color: '#f3f4f6' } } };
    option.xAxis = valueAxis(spec, spec.xLog, spec.xName, true, function (v) { return format(spec.format, v, true); });
    option.xAxis.logBase = 10;
    option.series = [];
    spec.series.forEach(function (s, i) {
      var offset = (i - (n - 1) / 2) * 7;
      option.series.push({
        type: 'scatter', name: s.name, z: 3, symbolSize: 9, symbolOffset: [0, offset],
        itemStyle: { color: s.color },
        data: s.points.map(function (p) {
          return flagged(p, { value: [p.x, p.y], tip: p.tip, symbolOffset: [0, offset] }, true);
        })
      });
      option.series.push(errorBars(s.name, s.color, s.points, function (api) {
        return [api.coord([api.value(0), api.value(2)]), api.coord([api.value(1), api.value(2)])];
      }, true, offset));
    });
    return option;
  }

  /* Latency against achieved rate: lines on log axes, the objective's limit as a dashed line, some series off at first. */
  function curveOption(spec) {
    var option = linesOption(spec, spec.series, false);
    option.xAxis.axisLabel.formatter = function (v) { return format('rate', v, true); };
    option.legend.data = spec.series.map(function (s) { return s.name; });
    option.legend.selected = {};
    (spec.hidden || []).forEach(function (name) { option.legend.selected[name] = false; });
    if (spec.threshold) {
      var xs = [];
      spec.series.forEach(function (s) { s.points.forEach(function (p) { xs.push(p.x); }); });
      var y = spec.threshold.y;
      /* Two invisible points keep the limit inside the y axis; the mark line draws and labels it. */
      option.series.push({
        type: 'line', name: spec.threshold.label, silent: true, z: 2, symbol: 'none', lineStyle: { opacity: 0 },
        data: [[Math.min.apply(null, xs), y], [Math.max.apply(null, xs), y]],
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: y }],
          lineStyle: { color: LIMIT, width: 1.5, type: [6, 4] },
          label: { show: true, position: 'insideEndTop', color: LIMIT, fontWeight: 'bold', formatter: spec.threshold.label } }
      });
    }
    return option;
  }

  /* A bracket's text as the tables write it: 1,000\u20131,050/s, \u2265 2,000/s (no upper bound), < 500/s (no lower bound). */
  function bracketText(p) {
    function rate(v) { return Math.round(v).toLocaleString('en-US'); }
    if (p.low != null && p.high != null) return rate(p.low) + '\u2013' + rate(p.high) + '/s';
    if (p.low != null) return '\u2265 ' + rate(p.low) + '/s';
    return '< ' + rate(p.high) + '/s';
  }

  /* Capacity per row: the bracket as a bar with caps at known ends and arrows where it is open, the outcome as the marker. */
  function bracketsOption(spec) {
    var option = baseOption(spec, false);
    var points = spec.series[0].points;
    var longest = spec.categories.reduce(function (max, c) { return Math.max(max, c.length); }, 0);
    option.grid.containLabel = false;
    option.grid.left = Math.min(260, 16 + longest * 6.6);
    option.grid.right = 190;
    option.grid.bottom = 48;
    option.yAxis = { type: 'category', data: spec.categories, inverse: true,
      axisLabel: { color: '#1f2937', fontSize: 11 }, axisLine: { lineStyle: { color: AXIS } },
      splitLine: { show: true, lineStyle: { color: '#f3f4f6' } } };
    var ends = [];
    points.forEach(function (p) { [p.x, p.low, p.high].forEach(function (v) { if (v != null && v > 0) ends.push(v); }); });
    option.xAxis = valueAxis(spec, true, spec.xName, true, function (v) { return format('rate', v, true); });
    option.xAxis.logBase = 10;
    /* A decade of room beyond an end that sits on a power of ten, for its arrow or marker. */
    var lo = Math.floor(Math.log10(Math.min.apply(null, ends) / 1.5));
    var hi = Math.ceil(Math.log10(Math.max.apply(null, ends) * 1.5));
    option.xAxis.min = Math.pow(10, lo);
    option.xAxis.max = Math.pow(10, Math.max(hi, lo + 1));
    option.series = [{
      type: 'custom', name: 'bracket', silent: true, z: 2,
      data: points.map(function (p) { return [p.x, p.y]; }),
      encode: { x: 0, y: 1 },
      renderItem: function (params, api) {
        var p = points[params.dataIndex];
        var box = params.coordSys;
        var y = api.coord([p.x, p.y])[1];
        var left = p.low != null ? api.coord([p.low, p.y])[0] : box.x;
        var right = p.high != null ? api.coord([p.high, p.y])[0] : box.x + box.width;
        var color = p.color || '#111827';
        var style = { stroke: color, lineWidth: 2, fill: null };
        var cap = 6, head = 7;
        var children = [{ type: 'line', shape: { x1: left, y1: y, x2: right, y2: y }, style: style }];
        if (p.low != null) children.push({ type: 'line', shape: { x1: left, y1: y - cap, x2: left, y2: y + cap }, style: style });
        else children.push({ type: 'polygon', shape: { points: [[left, y], [left + head, y - head / 2], [left + head, y + head / 2]] }, style: { fill: color } });
        if (p.high != null) children.push({ type: 'line', shape: { x1: right, y1: y - cap, x2: right, y2: y + cap }, style: style });
        else children.push({ type: 'polygon', shape: { points: [[right, y], [right - head, y - head / 2], [right - head, y + head / 2]] }, style: { fill: color } });
        var outcome = OUTCOMES[p.flag] || OUTCOMES.inconclusive;
        children.push({ type: 'text', x: box.x + box.width + 8, y: y,
          style: { text: bracketText(p) + ' \u00b7 ' + p.flag, fill: outcome.color || '#1f2937', fontSize: 11,
            fontWeight: p.flag === 'bracketed' ? 'normal' : 'bold', verticalAlign: 'middle', align: 'left' } });
        return { type: 'group', children: children };
      }
    }, {
      type: 'scatter', name: 'capacity', z: 3, symbolSize: 10,
      data: points.map(function (p) {
        var outcome = OUTCOMES[p.flag] || OUTCOMES.inconclusive;
        return { value: [p.x, p.y], tip: p.tip, symbol: outcome.symbol,
          itemStyle: { color: outcome.color || p.color, borderColor: outcome.color || p.color, borderWidth: 2 } };
      })
    }];
    return option;
  }

  function optionFor(spec, variantIndex) {
    switch (spec.kind) {
      case 'lines': return linesOption(spec, spec.series, false);
      case 'spectrum': return linesOption(spec, spec.variants[variantIndex].series, true);
      case 'bars': return barsOption(spec);
      case 'dots': return dotsOption(spec);
      case 'curve': return curveOption(spec);
      case 'brackets': return bracketsOption(spec);
      default: throw new Error('unknown chart kind ' + spec.kind);
    }
  }

  var rendered = [];
  var specs = JSON.parse(document.getElementById('concbench-charts').textContent);
  specs.forEach(function (spec) {
    var element = document.getElementById(spec.id);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(optionFor(spec, spec.variantIndex || 0));
    rendered.push({ id: spec.id, chart: chart, spec: spec });
    var select = document.querySelector('select[data-chart="' + spec.id + '"]');
    if (select) {
      select.addEventListener('change', function () {
        chart.setOption(optionFor(spec, Number(select.value)), true);
      });
    }
  });

  function resizeAll() {
    rendered.forEach(function (r) { r.chart.resize(); });
  }
  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  if (window.matchMedia) {
    var print = window.matchMedia('print');
    if (print.addEventListener) print.addEventListener('change', resizeAll);
  }
  window.concbench = { charts: rendered };
  document.documentElement.setAttribute('data-charts-rendered', String(rendered.length));
})();
