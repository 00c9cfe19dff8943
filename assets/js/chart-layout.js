/*
 * Almanac chart layout: fits an ECharts option to the width of the box it
 * is drawn in (docs/figures.md, section 4.5). Loaded before charts.js,
 * which calls window.AlmanacChartLayout(option, width, theme, write) on
 * every draw and every change of width, and gets back the height to give
 * the box.
 *
 * Every size is decided here from the width and from text measured in the
 * page's own font, never left to ECharts' fixed defaults:
 *   - value axes get "nice" ticks (1, 2, 2.5, 5 × 10^n), as many as the
 *     room holds; bars and columns start at zero, lines fit their data;
 *     the axis is widened just enough for the labels beyond the bars;
 *   - category labels are wrapped in the page's font; on a phone, or when
 *     they are long, a bar chart's labels stand above their bars, and a
 *     column chart of names turns into a bar chart; periods under columns
 *     or lines show every n-th label when they would collide;
 *   - a bar's number stands beyond its end where it fits, and is left to
 *     the tooltip and the table where it does not;
 *   - lines are named at their ends when the names fit and do not
 *     collide, else in a key above the chart;
 *   - pies and donuts label their slices outside on wide screens and list
 *     them, with their shares, in a key under the pie on phones.
 */
(function () {
  'use strict';

  var PHONE = 560; // narrower than this, a chart is laid out for a phone
  var PAD = 4; // space kept free at the chart's edges, in px
  var GAP = 6; // between a bar's end and its number

  // measurer returns a function giving the width in px of a text (the
  // widest of its lines) in the theme's font.
  function measurer(theme) {
    var ctx = document.createElement('canvas').getContext('2d');
    return function (text, size, weight) {
      ctx.font = (weight || 'normal') + ' ' + (size || theme.size) + 'px ' + theme.family;
      var w = 0;
      String(text).split('\n').forEach(function (line) { w = Math.max(w, ctx.measureText(line).width); });
      return Math.ceil(w);
    };
  }

  // wrap breaks text into lines no wider than width px, between words; a
  // word wider than width is broken between its letters.
  function wrap(text, width, measure) {
    var lines = [];
    var line = '';
    String(text).split(/\s+/).forEach(function (word) {
      var tryLine = line ? line + ' ' + word : word;
      if (measure(tryLine) <= width || !line) {
        line = tryLine;
      } else {
        lines.push(line);
        line = word;
      }
      while (measure(line) > width && line.length > 1) {
        var cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) { cut--; }
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  // niceStep is the smallest of 1, 2, 2.5, 5 × 10^n at least rough.
  function niceStep(rough) {
    var exp = Math.pow(10, Math.floor(Math.log(rough) / Math.LN10));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * exp >= rough * (1 - 1e-9)) { return steps[i] * exp; }
    }
    return 10 * exp;
  }

  function decimalsOf(step) {
    for (var d = 0; d < 10; d++) {
      if (Math.abs(Math.round(step * Math.pow(10, d)) - step * Math.pow(10, d)) < 1e-6) { return d; }
    }
    return 10;
  }

  // ticks returns nice bounds and a step for the values lo..hi, with at
  // most maxTicks ticks.
  function ticks(lo, hi, maxTicks) {
    if (hi - lo < 1e-12) {
      var pad = Math.abs(hi) > 0 ? Math.abs(hi) / 2 : 1;
      if (lo >= 0 && lo - pad < 0) { lo = 0; hi += pad; } else { lo -= pad; hi += pad; }
    }
    maxTicks = Math.max(2, maxTicks);
    var step = niceStep((hi - lo) / (maxTicks - 1));
    for (;;) {
      var min = Math.floor(lo / step + 1e-9) * step;
      var max = Math.ceil(hi / step - 1e-9) * step;
      if ((max - min) / step + 1 <= maxTicks + 1e-9) {
        return { min: min, max: max, step: step, decimals: decimalsOf(step) };
      }
      step = niceStep(step * 1.01);
    }
  }

  // extent returns the lowest and highest number of the series, with zero
  // included when fromZero.
  function extent(option, fromZero) {
    var lo = fromZero ? 0 : Infinity;
    var hi = fromZero ? 0 : -Infinity;
    eachValue(option, function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); });
    if (lo === Infinity) { return [0, 1]; }
    return [lo, hi];
  }

  // eachValue calls f(value, item, series index, item index) for every
  // number of the option's series.
  function eachValue(option, f) {
    (option.series || []).forEach(function (s, i) {
      (s.data || []).forEach(function (item, j) {
        var v = item !== null && typeof item === 'object' ? item.value : item;
        if (typeof v === 'number' && isFinite(v)) { f(v, item, i, j); }
      });
    });
  }

  // setItemLabel gives a bar item its label position, by its sign.
  function itemObject(series, j) {
    var item = series.data[j];
    if (item === null || typeof item !== 'object') { item = series.data[j] = { value: item }; }
    return item;
  }

  // valueAxis sets a value axis' bounds, step and tick labels; labels at
  // bounds that are not ticks are hidden.
  function valueAxis(axis, scale, lo, hi, write, theme) {
    axis.min = lo;
    axis.max = hi;
    axis.interval = scale.step;
    axis.scale = true;
    axis.splitNumber = undefined;
    axis.axisLabel = axis.axisLabel || {};
    axis.axisLabel.formatter = function (v) { return write.tick(v, scale.decimals); };
    axis.axisLabel.showMinLabel = Math.abs(lo - scale.min) < 1e-9 * (1 + Math.abs(lo));
    axis.axisLabel.showMaxLabel = Math.abs(hi - scale.max) < 1e-9 * (1 + Math.abs(hi));
    axis.axisLabel.fontSize = theme.small;
    axis.axisLabel.color = theme.muted;
    axis.splitLine = { show: true, lineStyle: { color: theme.rule } };
    axis.axisLine = { show: false };
    axis.axisTick = { show: false };
  }

  // widestTick is the width of the widest tick label of a scale.
  function widestTick(scale, write, measure, theme) {
    var w = 0;
    for (var v = scale.min; v <= scale.max + scale.step / 2; v += scale.step) {
      w = Math.max(w, measure(write.tick(v, scale.decimals), theme.small));
    }
    return w;
  }

  // labelTexts writes the number shown beyond each bar, by series.
  function labelTexts(option, write, points) {
    var texts = [];
    eachValue(option, function (v, item, i, j) {
      texts.push({ v: v, text: write.number(v, points(i, j)), series: i, index: j });
    });
    return texts;
  }

  // roomFor returns the axis bound that leaves room, beyond the bar of
  // every labelled value v, for its label of width w: px is the plot's
  // length, limit how far past the plot's far end a label may reach.
  function roomFor(labels, lo, hi, px, limit, positive) {
    var bound = positive ? hi : lo;
    labels.forEach(function (l) {
      if (positive ? l.v <= 0 : l.v >= 0) { return; }
      var free = px + limit - GAP - l.w - 2; // the px the bar itself may take, from the other bound
      if (free <= 1) { return; }
      var other = positive ? lo : hi;
      var need = other + (l.v - other) * px / free;
      bound = positive ? Math.max(bound, need) : Math.min(bound, need);
    });
    return bound;
  }

  // settle finds a value axis for the numbers ext[0]..ext[1] that also
  // leaves room for the labels beyond the bars. Its bounds are ticks (ECharts
  // counts ticks from the axis' min) unless the writer set them (user).
  // room(scale) gives the plot's length, how far past its far end a label
  // may reach and at most how many ticks fit, for a candidate scale; near
  // is how far before the near end a label may reach.
  function settle(ext, user, labels, room, near) {
    var lo = ext[0];
    var hi = ext[1];
    var scale = ticks(lo, hi, 6);
    var fit = room(scale);
    for (var tries = 0; tries < 6; tries++) {
      scale = ticks(lo, hi, fit.maxTicks);
      fit = room(scale);
      var min = typeof user.min === 'number' ? user.min : scale.min;
      var max = typeof user.max === 'number' ? user.max : scale.max;
      var needHi = roomFor(labels, min, max, fit.plot, fit.far, true);
      var needLo = roomFor(labels, min, max, fit.plot, near, false);
      var snug = (needHi <= max + 1e-9 || typeof user.max === 'number') && (needLo >= min - 1e-9 || typeof user.min === 'number');
      if (snug && (scale.max - scale.min) / scale.step + 1 <= fit.maxTicks + 1e-9) {
        return { scale: scale, min: min, max: max, fit: fit };
      }
      hi = Math.max(hi, needHi);
      lo = Math.min(lo, needLo);
    }
    return { scale: scale, min: scale.min, max: scale.max, fit: fit };
  }

  // themeText is the text style of the whole chart.
  function themeText(option, theme) {
    option.textStyle = { fontFamily: theme.family, fontSize: theme.size, color: theme.text };
    option.grid = [].concat(option.grid || {})[0] || {};
    option.grid.containLabel = false;
    option.grid.outerBoundsMode = 'none'; // the layout has already made room for every label
    if (option.legend) {
      option.legend.textStyle = { fontFamily: theme.family, fontSize: theme.size, color: theme.text };
    }
  }

  // key lays out the legend above a chart as one row when the names fit,
  // else one per line, and returns its height.
  function key(option, names, width, measure, theme) {
    var legend = option.legend = option.legend || {};
    if (!names.length) { legend.show = false; return 0; }
    var lh = theme.line;
    var widths = names.map(function (n) { return 25 + 5 + measure(n) + 16; });
    var total = widths.reduce(function (a, b) { return a + b; }, 0);
    legend.show = true;
    legend.left = PAD;
    legend.top = 0;
    legend.bottom = undefined;
    legend.itemGap = 16;
    legend.itemHeight = 12;
    legend.padding = 0;
    legend.textStyle = { fontFamily: theme.family, fontSize: theme.size, color: theme.text, lineHeight: lh };
    if (total <= width - 2 * PAD) {
      legend.orient = 'horizontal';
      return lh + 10;
    }
    legend.orient = 'vertical';
    legend.itemGap = 6;
    var textWidth = width - 2 * PAD - 30;
    legend.textStyle.width = textWidth;
    legend.textStyle.overflow = 'break';
    var h = 0;
    names.forEach(function (n) { h += wrap(n, textWidth, measure).length * lh + 6; });
    return h + 6;
  }

  window.AlmanacChartLayout = {
    measurer: measurer, wrap: wrap, ticks: ticks, extent: extent, eachValue: eachValue,
    itemObject: itemObject, valueAxis: valueAxis, widestTick: widestTick, labelTexts: labelTexts,
    roomFor: roomFor, settle: settle, themeText: themeText, key: key, PHONE: PHONE, PAD: PAD, GAP: GAP
  };
})();
