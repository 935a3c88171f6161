// Draws the chart with the inlined vega-embed from the spec laid out for the widest plot that fits the chart's
// box (script[data-layout-width]: one spec per width, page.py), and again when a resize makes another fit; a
// click on a mark opens that event in the story list below (its id is event-<event_id>).
(function () {
  "use strict";
  var box = document.getElementById("timeline-chart");
  var specs = Array.prototype.slice.call(document.querySelectorAll("script[data-layout-width]"))
    .map(function (el) { return { width: +el.getAttribute("data-layout-width"), el: el }; })
    .sort(function (a, b) { return a.width - b.width; });
  var shown = null;
  var view = null;

  function fitting() {
    var fit = specs[0];
    specs.forEach(function (spec) { if (spec.width <= box.clientWidth) { fit = spec; } });
    return fit;
  }

  function opened(event, item) {
    var id = item && item.datum && item.datum.event_id;
    if (id !== undefined && document.getElementById("event-" + id)) {
      window.location.hash = "event-" + id;
    }
  }

  function draw() {
    var fit = fitting();
    if (fit === shown) { return; }
    shown = fit;
    if (view) { view.finalize(); view = null; }
    box.textContent = "";
    vegaEmbed(box, JSON.parse(fit.el.textContent), { actions: false, renderer: "svg" }).then(function (result) {
      view = window.timelineView = result.view;
      result.view.addEventListener("click", opened);
      box.setAttribute("data-layout-width", String(fit.width));
      document.body.setAttribute("data-chart", "ready");
    }).catch(function (error) {
      box.textContent = "The chart could not be drawn (" + error.message + "); the events are listed below.";
      document.body.setAttribute("data-chart", "failed");
    });
  }

  draw();
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(draw, 200);
  });
})();
