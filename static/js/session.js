/* Warns before the session times out and offers to extend it (WCAG 2.2.1 Timing Adjustable).
 * Every request extends the session on the server, so the timer restarts on page load and after
 * each autosave. A session also ends a fixed time after the login (data-absolute, seconds left
 * at page load) however busy it is: that end cannot be put off, so the warning before it only
 * says so. When the time has run out, the dialog says so and links to the login page, which
 * brings the user back to where they were. */
(function () {
  "use strict";
  var dialog = document.getElementById("session-dialog");
  if (!dialog || typeof dialog.showModal !== "function") { return; }
  var timeout = Number(dialog.dataset.timeout) * 1000;
  var absoluteAt = dialog.dataset.absolute ?
    Date.now() + Number(dialog.dataset.absolute) * 1000 : Infinity;
  var warnBefore = Math.min(2 * 60 * 1000, timeout / 4);
  var warning = dialog.querySelector("[data-session-warning]");
  var absoluteWarning = dialog.querySelector("[data-session-absolute]");
  var expiredPart = dialog.querySelector("[data-session-expired]");
  var warnTimer, expireTimer;
  var absoluteWarned = false;  // said once; an autosave does not bring it back

  function open(part) {
    [warning, absoluteWarning, expiredPart].forEach(function (each) { each.hidden = each !== part; });
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
    var idleEnd = timeout;
    var absoluteEnd = absoluteAt - Date.now();
    if (absoluteEnd <= idleEnd) {
      // The absolute limit comes first: "Fortsätt arbeta" could not put it off.
      if (!absoluteWarned) {
        warnTimer = setTimeout(function () {
          absoluteWarned = true;
          open(absoluteWarning);
        }, Math.max(0, absoluteEnd - warnBefore));
      }
      expireTimer = setTimeout(expired, Math.max(0, absoluteEnd));
    } else {
      warnTimer = setTimeout(function () { open(warning); }, Math.max(0, idleEnd - warnBefore));
      expireTimer = setTimeout(expired, idleEnd);
    }
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

  dialog.querySelector("[data-session-close]").addEventListener("click", function () {
    dialog.close();
  });

  dialog.addEventListener("cancel", function (event) {
    // Escape on the idle warning means "go on working", on the absolute one "understood"; the
    // expired notice stays until acted on.
    event.preventDefault();
    if (!warning.hidden) { dialog.querySelector("[data-session-extend]").click(); }
    if (!absoluteWarning.hidden) { dialog.close(); }
  });

  document.addEventListener("ekosystem:activity", schedule);
  document.addEventListener("ekosystem:session-expired", expired);
  schedule();
})();
