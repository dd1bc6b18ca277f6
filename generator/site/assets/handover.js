// handover-kb: a print button where the page offers one. Buttons start hidden, so a browser without
// script shows only the note next to them ("用浏览器打印 (Ctrl+P)"); no inline handlers anywhere.
(function () {
  "use strict";
  function enable() {
    document.querySelectorAll("button[data-hk-print]").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.hkBound) {
        button.dataset.hkBound = "1";
        button.addEventListener("click", function () { window.print(); });
      }
    });
  }
  // Material's instant navigation swaps pages without a load event; document$ announces each page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enable);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enable);
  } else {
    enable();
  }
})();
