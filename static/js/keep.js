/* Keeps what is typed on ordinary forms (form[data-keep-typed]) in this browser until it is sent,
 * so that text typed before the session ran out is there again after logging in (the
 * questionnaires do the same per answer in autosave.js, through the helpers below).
 *
 * Every copy is stored under the signed-in user's key (body[data-keep-key]): copies under another
 * key are deleted unread, so the next person on a shared computer never sees them, and logging
 * out deletes every copy. A form's copy comes back only on the first page after this browser saw
 * the session run out (session.js leaves a mark); the "you were logged out" note shows only then,
 * never after a plain reload. */
(function () {
  "use strict";
  var userKey = document.body.dataset.keepKey;
  if (!userKey) { return; }
  var PREFIX = "ekosystem:";
  var MINE = PREFIX + "u" + userKey + ":";
  var EXPIRED = PREFIX + "expired";
  var NOT_KEPT = { csrfmiddlewaretoken: true };

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode, full */ }
  }
  function drop(key) {
    try { localStorage.removeItem(key); } catch (e) { /* see write */ }
  }
  function ownKeys() {
    var found = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf(PREFIX) === 0) { found.push(key); }
      }
    } catch (e) { /* see write */ }
    return found;
  }

  // Another person's copies (or copies from before keys were per user): deleted unread.
  ownKeys().forEach(function (key) {
    if (key !== EXPIRED && key.indexOf(MINE) !== 0) { drop(key); }
  });
  // This is the first page after the session ran out (the mark session.js left): the one page
  // on which kept text comes back with the "you were logged out" note. The mark is used up here.
  var expiry = read(EXPIRED);
  var justExpired = Boolean(expiry && expiry.user === userKey);
  drop(EXPIRED);

  function afterExpiry() { return justExpired; }

  function showNote() {
    var note = document.getElementById("kept-note");
    if (note) { note.classList.remove("d-none"); }
  }

  window.ekosystemKeep = {
    key: function (name) { return MINE + name; },
    afterExpiry: afterExpiry,
    markExpired: function () { write(EXPIRED, { user: userKey, at: Date.now() }); },
    clearAll: function () { ownKeys().forEach(drop); }
  };

  function kept(el) {
    return el.name && !NOT_KEPT[el.name] && el.type !== "file" && el.type !== "password" &&
      el.type !== "submit" && el.type !== "button";
  }

  function snapshot(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) { return; }
      var values = fields[el.name] || (fields[el.name] = []);
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { values.push(el.value); }
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push(o.value); });
      } else {
        values.push(el.value);
      }
    });
    return fields;
  }

  function apply(form, fields) {
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el) || !(el.name in fields)) { return; }
      var values = fields[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) !== -1; });
      } else {
        var index = seen[el.name] || 0;
        seen[el.name] = index + 1;
        if (index < values.length) { el.value = values[index]; }
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-keep-typed]"), function (form) {
    var key = MINE + "form:" + location.pathname + ":" + form.dataset.keepTyped;
    var stored = read(key);
    drop(key);
    // A form the server shows with errors shows what was sent; only a fresh form takes the copy.
    var fresh = !form.querySelector(".is-invalid, .alert-danger");
    if (stored && fresh && afterExpiry()) {
      apply(form, stored.fields);
      showNote();
      write(key, stored);
    }
    function remember() { write(key, { at: Date.now(), fields: snapshot(form) }); }
    form.addEventListener("input", remember);
    form.addEventListener("change", remember);
    form.addEventListener("submit", function () { drop(key); });
  });

  // A POST that arrives after the session ran out is kept on the server for after the login
  // (ekosystem/resume.py), but only for the user whose key it carries.
  Array.prototype.forEach.call(document.querySelectorAll("form[method=post i]"), function (form) {
    if (form.querySelector("input[name=_keep_owner]") || form.hasAttribute("data-logout")) { return; }
    var owner = document.createElement("input");
    owner.type = "hidden";
    owner.name = "_keep_owner";
    owner.value = userKey;
    form.appendChild(owner);
  });

  Array.prototype.forEach.call(document.querySelectorAll("form[data-logout]"), function (form) {
    form.addEventListener("submit", function () { window.ekosystemKeep.clearAll(); });
  });

})();
