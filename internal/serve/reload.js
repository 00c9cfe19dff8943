// reload.js keeps a page of `almanac serve` in step with the build. It
// listens to the server's events on /_almanac/events:
//   hello  {instance, build}  first event of every connection; a different
//                             instance or build after a reconnect means the
//                             page is stale: reload.
//   reload {build, paths}     reload, keeping the scroll position.
//   css    {build, paths}     only stylesheets changed: fetch this page
//                             again and swap its stylesheet links in place.
//   errors {problems, built, text}  the build failed: show the problems,
//                             over the last good build, or saying there is
//                             none yet when built is false.
//   clear  {build}            the build is good again: hide them.
//   warnings {problems, text} the good build's warnings, in a small panel
//                             that leaves the page usable; none: hide it.
// text holds every other word the overlay and the panel show (title,
// intro, hide, wholeSite, warning, fix, seeAlso), in the site's language;
// the script adds no words of its own.
// A problem with site set concerns the whole site and names no file.
// It builds everything with DOM APIs and textContent, never HTML strings,
// and styles through the CSSOM, so a strict Content-Security-Policy holds.
(function () {
  "use strict";
  if (!window.EventSource || window.__almanacReload) return;
  window.__almanacReload = true;

  var overlayId = "almanac-errors";
  var noticeId = "almanac-warnings";
  var scrollKey = "almanac-scroll:" + location.pathname;
  // The build this page comes from, stamped on the script tag by the
  // server; a hello naming another build means the page missed it.
  var tag = document.currentScript;
  var known = tag && tag.dataset.instance ?
    { instance: tag.dataset.instance, build: Number(tag.dataset.build) } : null;

  restoreScroll();
  styleMovedBanner();

  var source = new EventSource("/_almanac/events");
  source.addEventListener("hello", function (e) {
    var hello = JSON.parse(e.data);
    if (known && (hello.instance !== known.instance || hello.build !== known.build)) {
      reloadKeepingScroll();
      return;
    }
    known = hello;
  });
  source.addEventListener("reload", function () {
    reloadKeepingScroll();
  });
  source.addEventListener("css", function (e) {
    if (known) known.build = JSON.parse(e.data).build;
    swapStylesheets();
  });
  source.addEventListener("errors", function (e) {
    var data = JSON.parse(e.data);
    showProblems(data.problems || [], data.text || {});
  });
  source.addEventListener("warnings", function (e) {
    var data = JSON.parse(e.data);
    showWarnings(data.problems || [], data.text || {});
  });
  source.addEventListener("clear", function (e) {
    if (known) known.build = JSON.parse(e.data).build;
    removeOverlay();
  });

  function reloadKeepingScroll() {
    try {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
    } catch (err) {
      // Storage may be off; the page still reloads.
    }
    location.reload();
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (err) {
      return;
    }
    if (saved === null) return;
    var y = Number(saved) || 0;
    window.scrollTo(0, y);
    // Images and charts change the height while they load: once more at the end.
    window.addEventListener("load", function () {
      window.scrollTo(0, y);
    }, { once: true });
  }

  // swapStylesheets replaces the page's stylesheet links with those of the
  // page as the server now serves it. The new ones go in first, in the
  // same place and order; the old ones leave once the new ones loaded.
  function swapStylesheets() {
    fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html");
        var next = fresh.querySelectorAll('link[rel~="stylesheet"]');
        var old = document.querySelectorAll('link[rel~="stylesheet"]');
        var anchor = old.length ? old[0] : null;
        var pending = next.length;
        var done = function () {
          pending--;
          if (pending > 0) return;
          old.forEach(function (link) {
            link.remove();
          });
        };
        if (pending === 0) {
          pending = 1;
          done();
          return;
        }
        next.forEach(function (link) {
          var copy = document.importNode(link, false);
          copy.addEventListener("load", done, { once: true });
          copy.addEventListener("error", done, { once: true });
          if (anchor) anchor.parentNode.insertBefore(copy, anchor);
          else document.head.appendChild(copy);
        });
      })
      .catch(function () {
        reloadKeepingScroll();
      });
  }

  function removeOverlay() {
    var overlay = document.getElementById(overlayId);
    if (overlay) overlay.remove();
  }

  // el makes an element with text and CSSOM styles.
  function el(tag, text, style) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (style) Object.assign(node.style, style);
    return node;
  }

  function showProblems(problems, text) {
    removeOverlay();
    var overlay = el("div", "", {
      position: "fixed", top: "0", right: "0", bottom: "0", left: "0",
      zIndex: "2147483647", overflow: "auto", boxSizing: "border-box",
      padding: "24px", background: "rgba(24, 24, 28, 0.95)", color: "#eee",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      textAlign: "left",
    });
    overlay.id = overlayId;
    overlay.setAttribute("role", "alert");
    overlay.appendChild(el("h2", text.title, {
      margin: "0 0 4px", font: "bold 18px/1.3 system-ui, sans-serif", color: "#ff8a80",
    }));
    var intro = el("p", text.intro, { margin: "0 0 16px", font: "14px/1.4 system-ui, sans-serif", color: "#bbb" });
    intro.className = "almanac-intro";
    var hide = el("button", text.hide, { font: "inherit", cursor: "pointer" });
    hide.type = "button";
    hide.addEventListener("click", removeOverlay);
    intro.appendChild(hide);
    overlay.appendChild(intro);
    problems.forEach(function (p) {
      overlay.appendChild(problemView(p, text));
    });
    (document.body || document.documentElement).appendChild(overlay);
  }

  // showWarnings shows a good build's warnings in a panel along the bottom
  // of the page, which stays readable and usable above it.
  function showWarnings(problems, text) {
    var old = document.getElementById(noticeId);
    if (old) old.remove();
    if (!problems.length) return;
    var panel = el("div", "", {
      position: "fixed", right: "0", bottom: "0", left: "0", zIndex: "2147483646",
      maxHeight: "40vh", overflow: "auto", boxSizing: "border-box", padding: "12px 24px",
      background: "rgba(24, 24, 28, 0.95)", color: "#eee", textAlign: "left",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    });
    panel.id = noticeId;
    panel.setAttribute("role", "status");
    var head = el("p", text.title,
      { margin: "0 0 8px", font: "bold 14px/1.4 system-ui, sans-serif", color: "#ffd54f" });
    var hide = el("button", text.hide, { font: "inherit", cursor: "pointer" });
    hide.type = "button";
    hide.addEventListener("click", function () { panel.remove(); });
    head.appendChild(hide);
    panel.appendChild(head);
    problems.forEach(function (p) {
      panel.appendChild(problemView(p, text));
    });
    (document.body || document.documentElement).appendChild(panel);
  }

  function problemView(p, text) {
    var color = p.warning ? "#ffd54f" : "#ff8a80";
    var box = el("section", "", {
      margin: "0 0 16px", padding: "8px 12px", borderLeft: "4px solid " + color,
      background: "rgba(255, 255, 255, 0.05)",
    });
    box.className = "almanac-problem";
    var where = el("div", (p.site ? text.wholeSite : p.position) + (p.warning ? text.warning : ""), { color: color, fontWeight: "bold" });
    where.className = "almanac-position";
    box.appendChild(where);
    var message = el("div", p.message, { whiteSpace: "pre-wrap" });
    message.className = "almanac-message";
    box.appendChild(message);
    if (p.hint) {
      var hint = el("div", text.fix + p.hint, { color: "#a5d6a7", whiteSpace: "pre-wrap" });
      hint.className = "almanac-hint";
      box.appendChild(hint);
    }
    if (p.related && p.related.length) {
      box.appendChild(el("div", text.seeAlso + p.related.join(", "), { color: "#bbb" }));
    }
    if (p.source && p.source.length) box.appendChild(sourceView(p));
    return box;
  }

  // sourceView shows the lines around the problem, its own line marked
  // with ">" and, when the column is known, a caret under it.
  function sourceView(p) {
    var pre = el("pre", "", { margin: "8px 0 0", padding: "8px", overflowX: "auto", background: "#111", font: "inherit" });
    var width = String(p.source[p.source.length - 1].number).length;
    p.source.forEach(function (line) {
      var gutter = (line.marked ? "> " : "  ") + String(line.number).padStart(width) + " | ";
      var row = el("div", gutter + line.text, line.marked ? { background: "rgba(255, 82, 82, 0.25)", color: "#fff" } : { color: "#aaa" });
      row.className = line.marked ? "almanac-line almanac-marked" : "almanac-line";
      pre.appendChild(row);
      if (line.marked && p.col > 0) {
        var before = Array.from(line.text).slice(0, p.col - 1).join("").replace(/[^\t]/g, " ");
        pre.appendChild(el("div", " ".repeat(gutter.length) + before + "^", { color: "#ff8a80" }));
      }
    });
    return pre;
  }

  // styleMovedBanner makes the server's "this page moved" note stand out.
  function styleMovedBanner() {
    var banner = document.getElementById("almanac-moved");
    if (!banner) return;
    Object.assign(banner.style, {
      margin: "0", padding: "12px 16px", background: "#fff3cd", color: "#222",
      borderBottom: "2px solid #e0b000", font: "16px/1.4 system-ui, sans-serif",
    });
  }
})();
