/*
 * Almanac charts: draws every <figure class="chart" data-chart> with
 * ECharts (window.echarts, loaded before this script).
 *
 * The figure carries its data twice: as an ECharts option in a
 * <script type="application/json" class="chart-option"> element, and as
 * an HTML table in <details class="chart-data">. Without ECharts, or if
 * anything goes wrong, the table simply stays as it is. When the chart is
 * drawn the table is folded away, one click from the reader.
 *
 * The option is data only; it is parsed, never run. Numbers are written
 * here, in the page's language, from the option's "almanac" key:
 *   {"lang": "vi", "kind": "change", "measure": "change", "unit": "%",
 *    "decimals": 1, "points": [[{"decimals": 1, "qualifier": "gần",
 *    "status": "ước tính"}, …], …], "shares": [53.9, 46.1]}
 * the way the server writes them in the table: "gần 51.000", "−1,7 %" in
 * Vietnamese, "nearly 51,000", "−1.7%" in English.
 */
(function () {
  'use strict';

  var NBSP = '\u00a0';
  var MINUS = '\u2212';

  function media(query) {
    return window.matchMedia ? window.matchMedia(query) : { matches: false };
  }

  // numberWriter returns the functions that write a chart's numbers.
  function numberWriter(meta) {
    var lang = meta.lang || document.documentElement.lang || 'en';
    var vi = /^vi\b/i.test(lang);
    var change = meta.measure === 'change';
    var formats = {};

    function format(decimals, fixed) {
      decimals = Math.max(0, Math.min(20, decimals || 0));
      var key = decimals + (fixed ? 'f' : '');
      if (!formats[key]) {
        formats[key] = new Intl.NumberFormat(lang, {
          minimumFractionDigits: fixed ? decimals : 0,
          maximumFractionDigits: decimals
        });
      }
      return formats[key];
    }
    function isNumber(v) { return typeof v === 'number' && isFinite(v); }
    // signed writes |v| with a minus sign (U+2212), or a plus when asked;
    // a number that rounds to zero gets no sign.
    function signed(text, v, plus) {
      if (!/[1-9]/.test(text)) { return text; }
      return (v < 0 ? MINUS : plus ? '+' : '') + text;
    }
    function percent(text) { return vi ? text + NBSP + '%' : text + '%'; }

    // mark is the footnote mark of point p, in superscript digits: the
    // number of its note under the chart.
    function mark(p) {
      if (!p || !p.note) { return ''; }
      return '\u2009' + String(p.note).replace(/[0-9]/g, function (d) { return '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]; });
    }
    // number writes value v given as point p: with its decimals and
    // qualifier, or as a signed change, and its footnote mark.
    function number(v, p) {
      p = p || {};
      if (!isNumber(v)) { return '—'; }
      var text = signed(format(p.decimals, true).format(Math.abs(v)), v, change);
      if (change) { return percent(text) + mark(p); }
      return (p.qualifier ? p.qualifier + ' ' + text : text) + mark(p);
    }
    return {
      number: number,
      // tick writes an axis tick with the decimals of the axis' step.
      tick: function (v, decimals) {
        var text = signed(format(decimals || 0, true).format(Math.abs(v)), v, false);
        return change ? percent(text) : text;
      },
      share: function (s) { return isNumber(s) ? percent(format(1, true).format(s)) : ''; },
      // full writes a number for a tooltip: with its unit and status.
      full: function (v, p) {
        var text = number(v, p && p.note ? { decimals: p.decimals, qualifier: p.qualifier } : p);
        if (isNumber(v) && meta.unit && !change) { text += NBSP + meta.unit; }
        return (p && p.status ? text + ' (' + p.status + ')' : text) + mark(p);
      }
    };
  }

  // theme reads the chart text's font, sizes and colours from the page's
  // CSS, so that a chart speaks in the site's type in light and dark.
  function theme(figure, width) {
    var style = getComputedStyle(figure);
    var prop = function (name, fallback) { return style.getPropertyValue(name).trim() || fallback; };
    var size = width < 560 ? 13 : 14;
    return {
      family: prop('--chart-font', style.fontFamily || 'sans-serif'),
      size: size,
      small: size - 1,
      line: Math.round(size * 1.35),
      text: prop('--chart-text', style.color || '#1a1a1a'),
      muted: prop('--chart-muted', '#595959'),
      rule: prop('--chart-rule', '#d6d2c8')
    };
  }

  // install gives an option its formatters and page-level settings, and
  // lays it out for a box width px wide; it returns the box's height.
  function install(option, width, look) {
    var meta = option.almanac || {};
    var points = meta.points || [];
    var write = numberWriter(meta);
    function point(series, index) { return (points[series] || [])[index]; }

    option.backgroundColor = 'transparent';
    option.animation = !media('(prefers-reduced-motion: reduce)').matches;
    option.aria = option.aria || {};
    option.aria.enabled = true;
    (option.series || []).forEach(function (series, i) {
      series.tooltip = series.tooltip || {};
      series.tooltip.valueFormatter = function (v, index) { return write.full(v, point(i, index)); };
      series.label = series.label || {};
      series.label.formatter = series.type === 'pie' ?
        function (p) { return p.name + ':\n' + write.share((meta.shares || [])[p.dataIndex]); } :
        function (p) { return write.number(p.value, point(p.seriesIndex, p.dataIndex)); };
    });
    option.tooltip = option.tooltip || {};
    option.tooltip.textStyle = { fontFamily: look.family, fontSize: look.size };
    return window.AlmanacChartLayout.fit(option, width, look, write, point);
  }

  function draw(figure, echarts) {
    var canvas = figure.querySelector('.chart-canvas');
    var source = figure.querySelector('script.chart-option');
    if (!canvas || !source || echarts.getInstanceByDom && echarts.getInstanceByDom(canvas)) { return; }
    var text = source.textContent;
    JSON.parse(text); // fails here, before anything is shown, on a broken option
    var dark = media('(prefers-color-scheme: dark)');
    var chart = null;
    var drawnWidth = 0;

    canvas.hidden = false;
    function render() {
      var width = canvas.clientWidth || figure.clientWidth || 320;
      var option = JSON.parse(text);
      var height = install(option, width, theme(figure, width));
      canvas.style.height = height + 'px';
      drawnWidth = width;
      if (chart) { chart.dispose(); }
      figure.removeAttribute('data-drawn');
      chart = echarts.init(canvas, dark.matches ? 'dark' : null, { renderer: 'svg', width: width, height: height });
      chart.on('finished', function () { figure.setAttribute('data-drawn', width); });
      chart.setOption(option);
    }
    try {
      render();
    } catch (err) {
      if (chart) { chart.dispose(); }
      canvas.hidden = true;
      throw err;
    }
    var details = figure.querySelector('details.chart-data');
    if (details) { details.open = false; }
    if (dark.addEventListener) { dark.addEventListener('change', render); }
    var pending = false;
    function relayout() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        if (canvas.clientWidth && Math.abs(canvas.clientWidth - drawnWidth) >= 1) { render(); }
      });
    }
    if (window.ResizeObserver) {
      new ResizeObserver(relayout).observe(canvas);
    } else {
      window.addEventListener('resize', relayout);
    }
  }

  function drawAll() {
    var echarts = window.echarts;
    if (!echarts || typeof echarts.init !== 'function' || !window.Intl) { return; }
    var figures = document.querySelectorAll('figure[data-chart]');
    for (var i = 0; i < figures.length; i++) {
      try {
        draw(figures[i], echarts);
      } catch (err) {
        if (window.console) { console.error('chart ' + figures[i].id + ':', err); }
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
