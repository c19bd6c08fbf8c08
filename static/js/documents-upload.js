/* Resumable uploads on the patient's document page (templates/documents/upload.html).
   Without this script, or in a browser tus-js-client does not support, the form is sent
   as a plain multipart POST. With it, each file goes in pieces by the tus protocol, with a
   progress bar, resuming after a dropped connection or a closed tab. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-tus-endpoint]");
  if (!form || !window.tus || !window.tus.isSupported) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var list = document.getElementById("upload-progress");
  var button = form.querySelector("button[type=submit]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var text = form.dataset;

  function row(file) {
    var item = document.createElement("li");
    item.className = "progress-row";
    var name = document.createElement("span");
    name.className = "file-name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    var state = document.createElement("span");
    state.className = "progress-state";
    state.textContent = text.textQueued;
    item.append(name, bar, state);
    list.append(item);
    return { item: item, bar: bar, state: state };
  }

  function send(file, view) {
    return new Promise(function (resolve) {
      var upload = new window.tus.Upload(file, {
        endpoint: form.dataset.tusEndpoint,
        chunkSize: 5 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000],
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type },
        headers: { "X-CSRFToken": csrf },
        onProgress: function (sent, total) {
          var percent = total ? Math.floor((sent / total) * 100) : 0;
          view.bar.value = percent;
          view.state.textContent = percent + " %";
        },
        onSuccess: function () {
          view.bar.value = 100;
          view.item.classList.add("is-done");
          view.state.textContent = text.textDone;
          resolve(true);
        },
        onError: function (error) {
          var response = error.originalResponse;
          var body = response ? response.getBody() : "";
          view.item.classList.add("is-failed");
          view.state.textContent = body && response.getStatus() < 500 ? body : text.textFailed;
          resolve(false);
        },
      });
      view.state.textContent = text.textSending;
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length) {
          upload.resumeFromPreviousUpload(previous[0]);
        }
        upload.start();
      });
    });
  }

  form.addEventListener("submit", function (event) {
    if (!input.files.length) {
      return; // the server asks for a file
    }
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    list.replaceChildren();
    list.hidden = false;
    button.disabled = true;
    var views = files.map(row);
    var sent = 0;
    // One file after another: kinder to a weak mobile connection than all at once.
    files
      .reduce(function (previous, file, index) {
        return previous.then(function () {
          return send(file, views[index]).then(function (ok) {
            sent += ok ? 1 : 0;
          });
        });
      }, Promise.resolve())
      .then(function () {
        button.disabled = false;
        input.value = "";
        if (sent === files.length) {
          window.location.assign(window.location.pathname + "?sent=" + sent);
        }
      });
  });
})();
