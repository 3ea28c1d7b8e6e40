/* Warns before the session times out and offers to extend it (WCAG 2.2.1 Timing Adjustable).
 * Every request extends the session on the server, so the timer restarts on page load and after
 * each autosave. When the time has run out, the dialog says so and links to the login page,
 * which brings the user back to where they were. */
(function () {
  "use strict";
  var dialog = document.getElementById("session-dialog");
  if (!dialog || typeof dialog.showModal !== "function") { return; }
  var timeout = Number(dialog.dataset.timeout) * 1000;
  var warnBefore = Math.min(2 * 60 * 1000, timeout / 4);
  var warning = dialog.querySelector("[data-session-warning]");
  var expiredPart = dialog.querySelector("[data-session-expired]");
  var warnTimer, expireTimer;

  function open(part) {
    warning.hidden = part !== warning;
    expiredPart.hidden = part !== expiredPart;
    if (!dialog.open) { dialog.showModal(); }
    var focus = part.querySelector("[data-autofocus]");
    if (focus) { focus.focus(); }
  }

  function expired() {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    // What was typed until now comes back after the login, with a note saying why (keep.js).
    if (window.ekosystemKeep) { window.ekosystemKeep.markExpired(); }
    open(expiredPart);
  }

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    warnTimer = setTimeout(function () { open(warning); }, Math.max(0, timeout - warnBefore));
    expireTimer = setTimeout(expired, timeout);
  }

  dialog.querySelector("[data-session-extend]").addEventListener("click", function () {
    var csrf = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(dialog.dataset.keepalive, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (response) {
      if (response.ok) {
        dialog.close();
        schedule();
      } else {
        expired();
      }
    }).catch(expired);
  });

  dialog.addEventListener("cancel", function (event) {
    // Escape on the warning means "go on working"; the expired notice stays until acted on.
    event.preventDefault();
    if (expiredPart.hidden) { dialog.querySelector("[data-session-extend]").click(); }
  });

  document.addEventListener("ekosystem:activity", schedule);
  document.addEventListener("ekosystem:session-expired", expired);
  schedule();
})();
