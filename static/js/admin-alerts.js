// Alerts on the managers' request list: new and newly overdue requests, and appointments a
// patient cancelled or asked to move by their link, appear without a reload, the tab title counts the requests nobody has taken, a short sound plays and, once
// the manager allows it, a desktop notification opens the request when clicked.
// The list asks booking/admin/alerts.py what changed every few seconds (why a poll and not
// a stream: see there). Settings and words come from [data-request-alerts].
(function () {
  "use strict";
  const EVERY_MS = 3000;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  function start() {
    const box = document.querySelector("[data-request-alerts]");
    if (!box) return;
    const settings = box.dataset;
    const status = box.querySelector(".request-alerts-status");
    const enable = box.querySelector(".request-alerts-enable");
    const sound = new Audio(settings.sound);
    const plainTitle = document.title.replace(/^\(\d+\) /, "");
    const announced = new Set();
    // Requests that arrived while this page was open: their rows stay marked.
    const arrived = new Set();
    let cursor = settings.cursor;
    // What the page shows already is not news (the feed looks a little back in time).
    for (const reference of document.querySelectorAll("#result_list .request-reference")) {
      announced.add("new:" + reference.textContent.trim());
    }
    for (const overdue of document.querySelectorAll("#result_list .countdown.is-overdue")) {
      const reference = overdue.closest("tr").querySelector(".request-reference");
      if (reference) announced.add("overdue:" + reference.textContent.trim());
    }
    let busy = false;
    box.hidden = false;

    function notificationsAllowed() {
      return "Notification" in window && Notification.permission === "granted";
    }

    function showEnable() {
      const undecided = "Notification" in window && Notification.permission === "default";
      enable.hidden = !undecided && sessionStorage.getItem("request-alerts-sound") === "on";
    }

    enable.addEventListener("click", function () {
      // A click lets the page play sound from now on; the same click may ask for notifications.
      sessionStorage.setItem("request-alerts-sound", "on");
      sound.muted = true;
      sound.play().then(() => { sound.pause(); sound.muted = false; }, () => { sound.muted = false; });
      if ("Notification" in window && Notification.permission === "default") {
        Notification.requestPermission().then(showEnable);
      } else {
        showEnable();
      }
    });
    showEnable();

    function notify(text, url) {
      if (!notificationsAllowed()) return;
      const note = new Notification(text, { body: settings.notifyBody, tag: url });
      note.addEventListener("click", function () {
        window.focus();
        window.location.assign(url);
        note.close();
      });
    }

    function refreshList() {
      const form = document.getElementById("changelist-form");
      // A manager halfway through ticking rows keeps the page as it is.
      if (!form || form.querySelector("input.action-select:checked")) return Promise.resolve();
      return fetch(window.location.href, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.text() : ""))
        .then(function (html) {
          if (!html) return;
          const page = new DOMParser().parseFromString(html, "text/html");
          const next = page.getElementById("changelist-form");
          const now = document.getElementById("changelist-form");
          if (!next || !now) return;
          now.replaceWith(document.adoptNode(next));
          // The count beside the search box, outside the form (the box itself keeps what is typed).
          const count = document.querySelector("#changelist-search .quiet");
          const nextCount = page.querySelector("#changelist-search .quiet");
          if (count && nextCount) count.replaceWith(document.adoptNode(nextCount));
          for (const reference of document.querySelectorAll("#result_list .request-reference")) {
            if (arrived.has(reference.textContent.trim())) reference.closest("tr").classList.add("is-fresh");
          }
          // Django's actions.js bound the old checkboxes; bind the new ones the same way.
          const checkboxes = document.querySelectorAll("tr input.action-select");
          if (window.Actions && checkboxes.length > 0) window.Actions(checkboxes);
        });
    }

    function announce(items, template, key) {
      const told = [];
      for (const item of items) {
        const id = key + ":" + item.reference;
        if (announced.has(id)) continue;
        announced.add(id);
        // A new request, or one a patient's change has sent back to the managers: its row is marked.
        if (key !== "overdue") arrived.add(item.reference);
        const text = fill(template, { reference: item.reference });
        told.push(text);
        notify(text, item.url);
      }
      return told;
    }

    function poll() {
      if (busy) return;
      busy = true;
      const url = settings.updatesUrl + "?since=" + encodeURIComponent(cursor);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => {
          const json = (response.headers.get("Content-Type") || "").startsWith("application/json");
          return response.ok && json ? response.json() : null;
        })
        .then(function (data) {
          if (!data) return null;
          cursor = data.cursor;
          document.title = data.waiting > 0 ? "(" + data.waiting + ") " + plainTitle : plainTitle;
          const told = [
            ...announce(data.new, settings.newOne, "new"),
            ...announce(data.overdue, settings.overdueOne, "overdue"),
            ...announce(data.changed.filter((item) => item.what === "cancelled"), settings.cancelledOne, "cancelled"),
            ...announce(
              data.changed.filter((item) => item.what === "move_requested"),
              settings.moveRequestedOne,
              "move_requested",
            ),
          ];
          if (told.length === 0) return null;
          status.textContent = told.join(" · ");
          sound.currentTime = 0;
          sound.play().catch(() => {});
          return refreshList();
        })
        .catch(() => {})
        .finally(() => { busy = false; });
    }

    try {
      const clock = new Worker(settings.clock);
      clock.onmessage = poll;
      clock.postMessage(EVERY_MS);
    } catch (error) {
      window.setInterval(poll, EVERY_MS);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
