// Draws the chart from the spec in #timeline-spec with the inlined vega-embed; a click on a mark opens
// that event in the story list below (its id is event-<event_id>).
(function () {
  "use strict";
  var box = document.getElementById("timeline-chart");
  var spec = JSON.parse(document.getElementById("timeline-spec").textContent);
  vegaEmbed(box, spec, { actions: false, renderer: "svg" }).then(function (result) {
    window.timelineView = result.view;
    result.view.addEventListener("click", function (event, item) {
      var id = item && item.datum && item.datum.event_id;
      if (id !== undefined && document.getElementById("event-" + id)) {
        window.location.hash = "event-" + id;
      }
    });
    document.body.setAttribute("data-chart", "ready");
  }).catch(function (error) {
    box.textContent = "The chart could not be drawn (" + error.message + "); the events are listed below.";
    document.body.setAttribute("data-chart", "failed");
  });
})();
