// The beat of the request alerts (admin-alerts.js), kept in a worker: Chrome slows the
// timers of a tab hidden for a few minutes to once a minute, but not a worker's, and a
// manager's list often sits in a background tab for the whole shift.
"use strict";
self.onmessage = function (event) {
  setInterval(function () { self.postMessage("tick"); }, event.data);
};
