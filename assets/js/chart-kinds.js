/*
 * Almanac chart layout, kind by kind (docs/figures.md, section 4.5):
 * window.AlmanacChartLayout.fit(option, width, theme, write, points)
 * lays out an option for a box width px wide and returns its height.
 * The tools it uses are in chart-layout.js.
 */
(function () {
  'use strict';

  var L = window.AlmanacChartLayout;
  var PAD = L.PAD;
  var GAP = L.GAP;

  function first(list) { return [].concat(list || [])[0] || {}; }
  function barSeries(option) { return (option.series || []).filter(function (s) { return s.type === 'bar'; }); }

  // horizontal lays out bar and change charts: categories down the left,
  // or above their bars on a phone or when they are long.
  function horizontal(option, width, theme, write, points) {
    var measure = L.measurer(theme);
    var axis = first(option.yAxis);
    var cats = axis.data || [];
    var series = barSeries(option);
    var lh = theme.line;
    var phone = width < L.PHONE;
    var longest = 0;
    cats.forEach(function (c) { longest = Math.max(longest, measure(c)); });
    var above = phone || longest > width * 0.3;
    var wrapWidth = above ? width - 2 * PAD - 8 : Math.min(Math.max(width * 0.3, 90), 220);
    var wrapped = {};
    var lines = 1;
    var labelWidth = 0;
    cats.forEach(function (c) {
      var w = L.wrap(c, wrapWidth, measure);
      wrapped[c] = w.join('\n');
      lines = Math.max(lines, w.length);
      labelWidth = Math.max(labelWidth, measure(wrapped[c]));
    });
    var bar = series.length > 1 ? (phone ? 12 : 14) : (phone ? 18 : 22);
    var group = series.length * bar + (series.length - 1) * 3;
    var labelBlock = lines * lh + 4;
    // Above its bar, a label takes the room left free under the bar before
    // it: a row is its bar and its label, and the first label gets its room
    // from the top of the chart.
    var row = above ? group + labelBlock + 10 : Math.max(lines * lh, group) + 18;
    var headroom = above ? Math.max(0, Math.ceil(labelBlock + 4 - (row - group) / 2)) : 0;

    axis.axisLabel = {
      interval: 0, color: theme.text, fontSize: theme.size, lineHeight: lh,
      formatter: function (c) { return wrapped[c] || c; }
    };
    axis.axisTick = { show: false };
    axis.axisLine = { show: false, onZero: false };
    if (above) {
      axis.axisLabel.inside = true;
      axis.axisLabel.align = 'left';
      axis.axisLabel.verticalAlign = 'bottom';
      axis.axisLabel.margin = 0;
      axis.axisLabel.padding = [0, 0, group / 2 + 4, 0];
    } else {
      axis.axisLabel.margin = 10;
    }
    axis.z = 10;

    var top = L.key(option, option.legend && option.legend.show ? legendNames(option) : [], width, measure, theme);
    var valueAxis = first(option.xAxis);
    var unitHeight = valueAxis.name ? lh + 4 : 0;
    var bottom = theme.small * 1.4 + 8 + unitHeight;
    var gridLeft = PAD + (above ? 0 : labelWidth + 10);
    var labels = showLabels(option, write, points, measure, theme, bar >= theme.size);
    fitValueAxis(option, valueAxis, labels, width - gridLeft - PAD, true, above, measure, theme, write, function (right, near) {
      option.grid.left = gridLeft + near;
      option.grid.right = right;
      if (above) { axis.axisLabel.margin = -near; } // labels above the bars start at the chart's edge
    });
    valueAxis.nameLocation = 'middle';
    valueAxis.nameGap = theme.small * 1.4 + 8;
    valueAxis.nameTextStyle = { color: theme.muted, fontSize: theme.small };
    series.forEach(function (s) {
      s.barWidth = bar;
      s.barGap = '20%';
    });
    option.grid.top = top + (above ? headroom : 4);
    option.grid.bottom = bottom;
    return Math.round(top + headroom + cats.length * row + bottom + 4);
  }

  // showLabels decides whether bars carry their numbers, sets each
  // label's position by its sign, and returns the labels with their widths.
  function showLabels(option, write, points, measure, theme, fits) {
    var labels = L.labelTexts(option, write, points);
    var vertical = first(option.xAxis).type === 'category';
    var shown = fits && option.almanac && option.almanac.labels !== false;
    barSeries(option).forEach(function (s) {
      s.label = s.label || {};
      s.label.show = shown;
      s.label.fontSize = theme.size;
      s.label.color = theme.text;
      s.label.distance = GAP;
    });
    labels.forEach(function (l) {
      var s = option.series[l.series];
      if (s.type !== 'bar') { return; }
      var item = L.itemObject(s, l.index);
      item.label = item.label || {};
      item.label.position = vertical ? (l.v < 0 ? 'bottom' : 'top') : (l.v < 0 ? 'left' : 'right');
      l.w = vertical ? theme.line : measure(l.text);
    });
    return shown ? labels : [];
  }

  // fitValueAxis sets a value axis' ticks for a plot px long, widened for
  // the labels beyond the bars; setGrid receives the space the last tick
  // label needs at the plot's far end. nearRoom is how far labels of
  // negative bars may reach before the plot's near end.
  // With open, nothing stands left of the plot: the first tick label gets
  // room there too.
  function fitValueAxis(option, axis, labels, px, fromZero, open, measure, theme, write, setGrid) {
    var user = (option.almanac || {}).axis || {};
    var settled = L.settle(userExtent(option, fromZero, user), user, labels, function (scale) {
      var tickWidth = L.widestTick(scale, write, measure, theme);
      var far = Math.ceil(tickWidth / 2) + 2;
      var near = open ? Math.ceil(measure(write.tick(scale.min, scale.decimals), theme.small) / 2) + 2 : 0;
      var plot = px - far - near;
      return { plot: plot, far: far, near: near, maxTicks: Math.min(7, Math.max(2, Math.floor(plot / (tickWidth + 16)) + 1)) };
    }, open ? 2 : 0);
    L.valueAxis(axis, settled.scale, settled.min, settled.max, write, theme);
    setGrid(settled.fit.far + PAD, settled.fit.near);
  }

  // userExtent is the numbers' extent, widened to the bounds the writer set.
  function userExtent(option, fromZero, user) {
    var ext = L.extent(option, fromZero);
    if (typeof user.min === 'number') { ext[0] = Math.min(ext[0], user.min); }
    if (typeof user.max === 'number') { ext[1] = Math.max(ext[1], user.max); }
    return ext;
  }

  function legendNames(option) {
    var names = [];
    (option.series || []).forEach(function (s) {
      if (s.name && names.indexOf(s.name) < 0) { names.push(s.name); }
    });
    return names;
  }

  // toHorizontal turns a column chart into a bar chart.
  function toHorizontal(option) {
    var x = option.xAxis;
    option.xAxis = option.yAxis;
    option.yAxis = x;
    first(option.yAxis).inverse = true;
    first(option.xAxis).boundaryGap = undefined;
    return option;
  }

  // vertical lays out column and target charts; a column chart of names
  // whose labels do not fit under their columns becomes a bar chart.
  function vertical(option, width, theme, write, points) {
    var measure = L.measurer(theme);
    var axis = first(option.xAxis);
    var cats = axis.data || [];
    var lh = theme.line;
    var periods = (option.almanac || {}).categories === 'periods';
    var phone = width < L.PHONE;
    var height = phone ? 300 : 360;
    verticalValueAxis(option, first(option.yAxis), [], height - 80, true, measure, theme, write, width);
    var left = option.grid.left + 8; // the tick labels, and room for a taller axis' wider ones
    var slot = (width - left - PAD) / Math.max(1, cats.length);
    var widest = 0;
    var lines = 1;
    var fits = true;
    var wrapped = {};
    cats.forEach(function (c) {
      var w = L.wrap(c, Math.max(slot - 8, 10), measure);
      wrapped[c] = w.join('\n');
      widest = Math.max(widest, measure(c));
      lines = Math.max(lines, w.length);
      if (w.length > 3 || w.some(function (l) { return measure(l) > slot - 4; })) { fits = false; }
    });
    if (!periods && !fits) { return horizontal(toHorizontal(option), width, theme, write, points); }
    var interval = 0;
    if (periods) {
      lines = 1;
      interval = Math.max(0, Math.ceil((widest + 12) / slot) - 1);
    }
    axis.axisLabel = {
      interval: interval, color: theme.text, fontSize: theme.size, lineHeight: lh, margin: 8,
      hideOverlap: false,
      formatter: function (c) { return periods ? c : wrapped[c] || c; }
    };
    axis.axisTick = { show: false };
    axis.axisLine = { show: true, lineStyle: { color: theme.muted } };
    var top = L.key(option, option.legend && option.legend.show ? legendNames(option) : [], width, measure, theme);
    var valueAxis = first(option.yAxis);
    var unitHeight = valueAxis.name ? lh + 6 : 0;
    var bottom = lines * lh + 12;
    var series = barSeries(option);
    var barSlot = slot * 0.8 / Math.max(1, series.length);
    var labels = showLabels(option, write, points, measure, theme, true);
    var tooWide = labels.some(function (l) { return measure(l.text) > barSlot + 4; });
    if (tooWide) { labels = showLabels(option, write, points, measure, theme, false); }
    var plotTop = top + unitHeight + 4;
    var plot = height - plotTop - bottom;
    verticalValueAxis(option, valueAxis, labels, plot, true, measure, theme, write, width);
    option.grid.top = plotTop;
    option.grid.bottom = bottom;
    option.grid.left = left;
    option.grid.right = PAD + (periods ? Math.max(0, Math.ceil(widest / 2 - slot / 2)) : 0);
    valueAxis.nameLocation = 'end';
    valueAxis.nameGap = 8;
    valueAxis.nameTextStyle = { align: 'left', color: theme.muted, fontSize: theme.small };
    return height;
  }

  // verticalValueAxis sets the ticks of an upright value axis plot px
  // high and the grid's left side, which holds the tick labels.
  function verticalValueAxis(option, axis, labels, plot, fromZero, measure, theme, write, width) {
    var user = (option.almanac || {}).axis || {};
    var settled = L.settle(userExtent(option, fromZero, user), user, labels, function () {
      return { plot: plot, far: 0, maxTicks: Math.max(3, Math.min(7, Math.floor(plot / 48) + 1)) };
    }, 0);
    L.valueAxis(axis, settled.scale, settled.min, settled.max, write, theme);
    var tickWidth = L.widestTick(settled.scale, write, measure, theme);
    option.grid.left = PAD + tickWidth + 8;
    var unit = axis.name ? measure(axis.name, theme.small) : 0;
    if (option.grid.left + unit > width - PAD) { axis.name = ''; }
  }



  // line lays out a line chart: an axis that fits the data, periods
  // thinned to every n-th when they would collide, and the lines named at
  // their ends when the names fit and do not collide, else in a key.
  function line(option, width, theme, write, points) {
    var measure = L.measurer(theme);
    var axis = first(option.xAxis);
    var cats = axis.data || [];
    var lh = theme.line;
    var phone = width < L.PHONE;
    var height = phone ? 300 : 360;
    var names = legendNames(option);
    var widest = 0;
    cats.forEach(function (c) { widest = Math.max(widest, measure(c)); });
    var ends = names.length > 1 ? endLabels(option, names, width, measure, theme) : null;
    var top = ends ? 0 : L.key(option, names.length > 1 ? names : [], width, measure, theme);
    if (ends) { option.legend = { show: false }; }
    var valueAxis = first(option.yAxis);
    var unitHeight = valueAxis.name ? lh + 6 : 0;
    var plotTop = top + unitHeight + 8;
    var bottom = lh + 12;
    var plot = height - plotTop - bottom;
    verticalValueAxis(option, valueAxis, [], plot, false, measure, theme, write, width);
    var left = option.grid.left;
    // The first and last periods are aligned to the plot's edges, clear of
    // the value axis' labels and of the chart's edge.
    var right = ends ? ends.width + 12 : PAD + 2 + Math.ceil(widest / 2);
    var step = (width - left - right) / Math.max(1, cats.length - 1);
    var interval = Math.max(0, Math.ceil((widest + 12) / step) - 1);
    axis.axisLabel = {
      interval: interval, color: theme.text, fontSize: theme.size, margin: 8, hideOverlap: false,
      alignMinLabel: 'left', alignMaxLabel: 'right'
    };
    axis.axisTick = { show: false };
    axis.axisLine = { show: true, lineStyle: { color: theme.muted } };
    option.series.forEach(function (s) { s.showSymbol = step >= 18; });
    if (ends && !endsApart(option, ends, valueAxis, plot, lh)) {
      option.series.forEach(function (s) { s.endLabel = { show: false }; });
      return line(dropEnds(option), width, theme, write, points);
    }
    option.grid.left = left;
    option.grid.right = right;
    option.grid.top = plotTop;
    option.grid.bottom = bottom;
    valueAxis.nameLocation = 'end';
    valueAxis.nameGap = 8;
    valueAxis.nameTextStyle = { align: 'left', color: theme.muted, fontSize: theme.small };
    return height;
  }

  // endLabels names each line at its last point when the names, wrapped to
  // at most a quarter of the width, leave the plot 60 % of it; else null.
  function endLabels(option, names, width, measure, theme) {
    if (option.almanac && option.almanac.noEnds) { return null; }
    var room = Math.min(160, width * 0.25);
    var wrapped = {};
    var widest = 0;
    var lines = {};
    names.forEach(function (n) {
      var w = L.wrap(n, room, measure);
      wrapped[n] = w.join('\n');
      lines[n] = w.length;
      widest = Math.max(widest, measure(wrapped[n]));
    });
    if (width - widest - 12 < width * 0.6) { return null; }
    var last = {};
    option.series.forEach(function (s, i) {
      (s.data || []).forEach(function (item, j) {
        var v = item !== null && typeof item === 'object' ? item.value : item;
        if (typeof v === 'number' && (!last[s.name] || j >= last[s.name].index)) { last[s.name] = { index: j, series: i, v: v }; }
      });
    });
    option.series.forEach(function (s, i) {
      var end = last[s.name];
      s.endLabel = {
        show: !!end && end.series === i, formatter: function () { return wrapped[s.name]; },
        color: theme.text, fontSize: theme.size, lineHeight: theme.line, distance: 6
      };
    });
    return { width: widest, last: last, lines: lines };
  }

  // endsApart reports whether the end labels, each centred on its line's
  // last point, are clear of each other.
  function endsApart(option, ends, axis, plot, lh) {
    var spans = [];
    Object.keys(ends.last).forEach(function (name) {
      var y = (axis.max - ends.last[name].v) / (axis.max - axis.min) * plot;
      var half = ends.lines[name] * lh / 2;
      spans.push([y - half, y + half]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    for (var i = 1; i < spans.length; i++) {
      if (spans[i][0] < spans[i - 1][1] + 2) { return false; }
    }
    return true;
  }

  function dropEnds(option) {
    option.almanac = option.almanac || {};
    option.almanac.noEnds = true;
    return option;
  }

  // parts lays out a pie or donut: slices labelled outside, aligned to the
  // chart's edges, on a wide screen; on a phone, or when the labels would
  // leave the pie too small, a key under the pie with each share.
  function parts(option, width, theme, write) {
    var measure = L.measurer(theme);
    var s = first(option.series);
    var meta = option.almanac || {};
    var names = (s.data || []).map(function (d) { return d.name; });
    var lh = theme.line;
    var labelWidth = 0;
    names.forEach(function (n) { labelWidth = Math.max(labelWidth, measure(n + ':')); });
    labelWidth = Math.min(labelWidth, 170);
    var outer = Math.min(150, (width - 2 * labelWidth - 80) / 2);
    var inner = s.radius && s.radius.length === 2;
    var legendText = function (name) {
      var i = names.indexOf(name);
      return name + ': ' + write.share((meta.shares || [])[i]);
    };
    if (width >= L.PHONE && outer >= 80) {
      s.radius = inner ? [Math.round(outer * 0.57), outer] : outer;
      s.center = [width / 2, outer + 3 * lh];
      s.label = {
        show: true, position: 'outside', alignTo: 'edge', edgeDistance: PAD + 2, width: labelWidth,
        overflow: 'break', lineHeight: lh, color: theme.text, fontSize: theme.size, formatter: s.label && s.label.formatter
      };
      s.labelLine = { length: 12, length2: 8 };
      option.legend = { show: false };
      return Math.round(2 * outer + 6 * lh + 8);
    }
    outer = Math.min(120, width / 2 - 2 * PAD);
    s.radius = inner ? [Math.round(outer * 0.57), outer] : outer;
    s.center = [width / 2, outer + PAD];
    s.label = { show: false };
    s.labelLine = { show: false };
    option.legend = { show: true, data: names, formatter: legendText };
    var h = L.key(option, names.map(legendText), width, measure, theme);
    option.legend.orient = 'vertical';
    option.legend.top = 2 * outer + 2 * PAD + 8;
    option.legend.itemGap = 6;
    option.legend.textStyle.width = width - 2 * PAD - 30;
    option.legend.textStyle.overflow = 'break';
    var listed = 0;
    names.forEach(function (n) { listed += L.wrap(legendText(n), width - 2 * PAD - 30, measure).length * lh + 6; });
    return Math.round(2 * outer + 2 * PAD + 8 + Math.max(h, listed) + 8);
  }

  // fit lays out an option of any kind for a box width px wide and
  // returns the height to give the box.
  function fit(option, width, theme, write, points) {
    var kind = (option.almanac || {}).kind;
    L.themeText(option, theme);
    switch (kind) {
      case 'bar':
      case 'change':
        return horizontal(option, width, theme, write, points);
      case 'column':
      case 'target':
        return vertical(option, width, theme, write, points);
      case 'line':
        return line(option, width, theme, write, points);
      default:
        return parts(option, width, theme, write);
    }
  }

  window.AlmanacChartLayout.fit = fit;

  window.AlmanacChartLayout.horizontal = horizontal;
  window.AlmanacChartLayout.vertical = vertical;
  window.AlmanacChartLayout.verticalValueAxis = verticalValueAxis;
  window.AlmanacChartLayout.legendNames = legendNames;
  window.AlmanacChartLayout.first = first;
})();
