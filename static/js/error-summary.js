/* A page sent back with errors starts at its error summary: focusing it scrolls it into view
 * and has screen readers read it, however far down the page the failed form is. A form that posts
 * to an #anchor has the browser focus that anchor after this script ran, so on load the focus is
 * taken back from it (never from something the user has moved to meanwhile). */
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) { return; }
  summary.focus();
  window.addEventListener("load", function () {
    setTimeout(function () {
      var active = document.activeElement;
      var anchor = location.hash && document.getElementById(location.hash.slice(1));
      if (!active || active === document.body || active === anchor) { summary.focus(); }
    }, 0);
  });
})();
