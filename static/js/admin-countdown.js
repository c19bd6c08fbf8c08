// Live countdown to each request's call-back deadline in the admin.
// The server already wrote the time left; this only keeps it current.
// Wording comes from [data-countdown-labels], so it matches the server's.
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function words(labels, seconds) {
    seconds = Math.abs(seconds);
    if (seconds < 60) return fill(labels.seconds, { s: seconds });
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) return fill(labels.minutes, { m: minutes });
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return fill(labels.hours, { h: hours, m: minutes % 60 });
    return fill(labels.days, { d: Math.floor(hours / 24), h: hours % 24 });
  }

  function start() {
    var source = document.querySelector("[data-countdown-labels]");
    if (!source) return;
    var labels = source.dataset;
    // Trust the server's clock, not the workstation's.
    var offset = Date.parse(labels.now) - Date.now();
    if (isNaN(offset)) offset = 0;

    function tick() {
      var now = Date.now() + offset;
      // Looked up on every tick: the alerts (admin-alerts.js) may have put in new rows.
      document.querySelectorAll("time[data-deadline]").forEach(function (clock) {
        var seconds = Math.trunc((Date.parse(clock.dataset.deadline) - now) / 1000);
        var overdue = seconds < 0;
        var text = fill(overdue ? labels.overdue : labels.left, { time: words(labels, seconds) });
        if (clock.textContent !== text) clock.textContent = text;
        clock.classList.toggle("is-overdue", overdue);
      });
    }

    tick();
    window.setInterval(tick, 1000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
