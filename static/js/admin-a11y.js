// Names for the admin controls Django leaves unnamed, so screen readers (and axe-core) can
// tell them apart: the inputs of editable lists and tabular inlines take their column's
// heading, the empty "original" heading of an inline gets words, and the help icons of the
// two-box selector get a role that allows their label. Loaded on every admin page
// (templates/admin/base_site.html); a file, because the CSP forbids inline script.
(function () {
  "use strict";
  const words = document.documentElement.lang === "en" ? { entry: "Entry" } : { entry: "Запись" };

  function columnHeading(cell) {
    const table = cell.closest("table");
    if (!table || !table.tHead) return "";
    const row = table.tHead.rows[table.tHead.rows.length - 1];
    let index = 0;
    for (const sibling of cell.parentElement.cells) {
      if (sibling === cell) break;
      index += sibling.colSpan || 1;
    }
    let position = 0;
    for (const heading of row.cells) {
      if (position === index) return heading.textContent.trim();
      position += heading.colSpan || 1;
    }
    return "";
  }

  function nameControls() {
    const selector = "#result_list td input, #result_list td select, #result_list td textarea, " +
      ".tabular td input, .tabular td select, .tabular td textarea";
    for (const control of document.querySelectorAll(selector)) {
      if (control.type === "hidden" || control.labels?.length || control.getAttribute("aria-label")) continue;
      const cell = control.closest("td");
      const heading = cell ? columnHeading(cell) : "";
      if (heading) control.setAttribute("aria-label", heading);
    }
    for (const heading of document.querySelectorAll(".tabular th.original:empty")) {
      const text = document.createElement("span");
      text.className = "visually-hidden";
      text.textContent = words.entry;
      heading.append(text);
    }
    for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]:not([role])")) {
      icon.setAttribute("role", "img");
    }
  }

  document.addEventListener("DOMContentLoaded", nameControls);
  // The two-box selector and inline "add another" rows are built on load or later.
  window.addEventListener("load", () => setTimeout(nameControls, 0));
  document.addEventListener("formset:added", nameControls);
})();
