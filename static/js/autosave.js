/* Saves each answer of a questionnaire section as the leader types.
 *
 * Every answer block ([data-autosave]) posts its own fields to its URL shortly after the last
 * keystroke. Until the server confirms, what was typed is also kept in localStorage, so text
 * typed after the session ran out comes back after logging in again. A 409 answer means the same
 * answer was saved elsewhere meanwhile: both versions are shown and the leader chooses.
 * Saves of one answer go one at a time, each with the revision the previous one returned (two
 * overlapping saves of the same answer would otherwise conflict with each other), and the form
 * is only sent (Spara, Spara och gå vidare) once every save under way has been answered.
 * Texts come from data attributes on the form, so they follow the page's language. */
(function () {
  "use strict";
  var form = document.querySelector("[data-autosave-form]");
  if (!form) { return; }
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var status = document.getElementById("save-status");
  var texts = form.dataset;
  var DELAY = 800;
  var timers = new WeakMap();
  var running = new WeakMap();  // block -> promise of the save under way
  var queued = new WeakMap();   // block -> promise of the one save waiting for it
  var inFlight = [];

  // Kept under the signed-in user's key (keep.js), so another user of the browser never sees it.
  var keep = window.ekosystemKeep;
  function storageKey(block) { return keep.key(block.dataset.key); }

  function ownInputs(block) {
    return Array.prototype.filter.call(
      block.querySelectorAll("input, textarea, select"),
      function (el) { return el.name && el.type !== "file" && (!el.form || el.form === form); }
    );
  }

  function snapshot(block) {
    var fields = {};
    ownInputs(block).forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      fields[el.name] = el.value;
    });
    return fields;
  }

  function remember(block) {
    try {
      localStorage.setItem(storageKey(block), JSON.stringify({ at: Date.now(), fields: snapshot(block) }));
    } catch (e) { /* Private mode or full storage: the server copy still counts. */ }
  }

  function forget(block) {
    try { localStorage.removeItem(storageKey(block)); } catch (e) { /* see remember */ }
  }

  function apply(block, fields) {
    ownInputs(block).forEach(function (el) {
      if (el.dataset.revision !== undefined) { return; }
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = fields[el.name] === el.value;
      } else if (fields[el.name] !== undefined) {
        el.value = fields[el.name];
      }
    });
  }

  function setError(block, message) {
    var error = block.querySelector("[data-error]");
    error.textContent = message || "";
    ownInputs(block).forEach(function (el) {
      if (el.type === "hidden") { return; }
      el.classList.toggle("is-invalid", Boolean(message));
      if (message) { el.setAttribute("aria-invalid", "true"); } else { el.removeAttribute("aria-invalid"); }
    });
  }

  function conflictBox(block) { return block.querySelector("[data-conflict]"); }

  function showConflict(block, conflict) {
    var box = conflictBox(block);
    box.querySelector("[data-conflict-message]").textContent = conflict.message;
    box.querySelector("[data-conflict-theirs]").textContent =
      conflict.display + (conflict.evidence ? " – " + conflict.evidence : "");
    box.dataset.revision = conflict.revision;
    box.querySelector("[data-use-theirs]").dataset.value = conflict.value;
    box.classList.remove("d-none");
  }

  function hideConflict(block) { conflictBox(block).classList.add("d-none"); }

  function revisionInput(block) { return block.querySelector("[data-revision]"); }

  // One save per answer at a time; further requests while one runs collapse into one that is
  // sent when it ends, with the fields (and the revision) as they are by then.
  function save(block) {
    if (queued.has(block)) { return queued.get(block); }
    var before = running.get(block);
    var next = (before || Promise.resolve()).then(function () {
      queued.delete(block);
      return send(block);
    });
    if (before) { queued.set(block, next); }
    running.set(block, next);
    inFlight.push(next);
    next.then(function () {
      inFlight.splice(inFlight.indexOf(next), 1);
      if (running.get(block) === next) { running.delete(block); }
    });
    return next;
  }

  function send(block) {
    var data = new FormData();
    var fields = snapshot(block);
    Object.keys(fields).forEach(function (name) { data.append(name, fields[name]); });
    data.append("csrfmiddlewaretoken", csrf);
    status.textContent = texts.savingText;
    return fetch(block.dataset.autosave, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          revisionInput(block).value = body.revision;
          setError(block, "");
          hideConflict(block);
          forget(block);
          status.textContent = body.saved;
          document.dispatchEvent(new CustomEvent("ekosystem:activity"));
        } else if (response.status === 409) {
          showConflict(block, body.conflict);
          status.textContent = texts.notSavedText;
        } else if (response.status === 401) {
          status.textContent = body.error;
          document.dispatchEvent(new CustomEvent("ekosystem:session-expired"));
        } else {
          setError(block, body.error || texts.failedText);
          status.textContent = texts.notSavedText;
        }
      });
    }).catch(function () {
      status.textContent = texts.offlineText;
    });
  }

  function schedule(block) {
    remember(block);
    clearTimeout(timers.get(block));
    timers.set(block, setTimeout(function () { save(block); }, DELAY));
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-autosave]"), function (block) {
    block.addEventListener("input", function () { schedule(block); });
    block.addEventListener("change", function () { schedule(block); });

    var box = conflictBox(block);
    box.querySelector("[data-keep-mine]").addEventListener("click", function () {
      revisionInput(block).value = box.dataset.revision;
      save(block);
    });
    box.querySelector("[data-use-theirs]").addEventListener("click", function (event) {
      var main = block.querySelector("#" + block.id.replace("question-", "q-"));
      var value = event.currentTarget.dataset.value || "";
      if (main && (main.tagName === "TEXTAREA" || main.tagName === "INPUT")) {
        main.value = value;
      } else {
        ownInputs(block).forEach(function (el) {
          if (el.type === "radio") { el.checked = el.value === value; }
        });
      }
      revisionInput(block).value = box.dataset.revision;
      hideConflict(block);
      forget(block);
    });

    // Text typed but not confirmed saved before the session ran out comes back, and is saved.
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(storageKey(block)) || "null"); } catch (e) { stored = null; }
    if (stored && stored.at > Number(block.dataset.updated || 0) * 1000) {
      var current = JSON.stringify(snapshot(block));
      apply(block, stored.fields);
      if (JSON.stringify(snapshot(block)) !== current) {
        // "Logged out" only when it was: after a plain reload the text comes back silently.
        if (keep.afterExpiry()) {
          document.getElementById("restored-note").classList.remove("d-none");
        }
        save(block);
      } else {
        forget(block);
      }
    } else if (stored) {
      forget(block);
    }
  });

  // Navigating saves the whole section with the form itself. Saves not yet sent are left to it;
  // saves under way are waited for first, so the form carries the revisions they return.
  var waited = false;
  form.addEventListener("submit", function (event) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-autosave]"), function (block) {
      clearTimeout(timers.get(block));
    });
    if (inFlight.length && !waited) {
      event.preventDefault();
      var submitter = event.submitter;
      status.textContent = texts.savingText;
      Promise.all(inFlight.slice()).then(function () {
        waited = true;
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      });
      return;
    }
    Array.prototype.forEach.call(form.querySelectorAll("[data-autosave]"), function (block) {
      forget(block);
    });
  });
})();
