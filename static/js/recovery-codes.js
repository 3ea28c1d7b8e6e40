// The recovery-codes page: print the codes, or copy them to paste into a password manager.
// Without scripts the buttons stay hidden; the codes can still be selected and copied by hand.
(function () {
  "use strict";
  var printButton = document.querySelector("[data-print]");
  var copyButton = document.querySelector("[data-copy]");
  var status = document.querySelector("[data-copy-status]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  if (copyButton && navigator.clipboard) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      var list = document.getElementById(copyButton.dataset.copy);
      var codes = Array.prototype.map.call(list.querySelectorAll("li"), function (item) {
        return item.textContent.trim();
      });
      navigator.clipboard.writeText(codes.join("\n")).then(function () {
        if (status) { status.textContent = copyButton.dataset.copied; }
      });
    });
  }
})();
