// Progressive enhancement of the share links: "Copy link" copies instead of navigating, "Print" prints.
// Without JavaScript they stay plain links (the page URL; the top of the article).
(function () {
  "use strict";
  document.querySelectorAll(".share").forEach(function (share) {
    var status = share.querySelector(".share__status");
    var copy = share.querySelector(".share__copy");
    if (copy && navigator.clipboard) {
      copy.addEventListener("click", function (event) {
        event.preventDefault();
        navigator.clipboard.writeText(copy.href).then(function () {
          if (status) status.textContent = copy.getAttribute("data-copied-text");
        });
      });
    }
    var print = share.querySelector("[data-print]");
    if (print && window.print) {
      print.closest("[data-print-item]").hidden = false;
      print.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
    }
  });
})();
