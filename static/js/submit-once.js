// A form that is being sent cannot be sent again: a second click is ignored and the submit
// buttons are disabled until the next page (the server also runs a create once per form token,
// ekosystem/onetime.py). Forms sent by a script, GET forms and forms marked
// data-submit-once="false" are left alone. Buttons come back when the page is shown again from
// the back/forward cache.
(function () {
  "use strict";

  function buttonsOf(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.type === "submit";
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post" ||
        form.dataset.submitOnce === "false" || form.target === "_blank") {
      return;
    }
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
    form.setAttribute("aria-busy", "true");
    // After the browser has read the pressed button's name and value into the request.
    window.setTimeout(function () {
      buttonsOf(form).forEach(function (button) {
        if (!button.disabled) {
          button.disabled = true;
          button.dataset.disabledWhileSent = "true";
        }
      });
    }, 0);
  });

  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-submitting]"), function (form) {
      delete form.dataset.submitting;
      form.removeAttribute("aria-busy");
      buttonsOf(form).forEach(function (button) {
        if (button.dataset.disabledWhileSent) {
          delete button.dataset.disabledWhileSent;
          button.disabled = false;
        }
      });
    });
  });
})();
