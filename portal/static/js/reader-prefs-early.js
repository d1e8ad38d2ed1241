/* Runs in <head> before first paint: applies the reader's saved text size and contrast from the
   "a11y" cookie, so a page served from a shared cache never flashes the default style.
   Cookie format (see accessibility/preferences.py): "t150.hc" = 150 % text, high contrast chosen;
   "nc" = normal contrast chosen. Unknown tokens are ignored. */
/* On phones the main menu folds behind its button (portal.css, .menu-folds): the class and the button's
   handler are set here together, before first paint, so the menu never jumps shut once shown and is never
   folded without a button that opens it. */
(function () {
  document.documentElement.classList.add("menu-folds");
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".main-menu__toggle") : null;
    if (!button) return;
    var open = button.parentNode.classList.toggle("main-menu--open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
(function () {
  var m = document.cookie.match(/(?:^|;\s*)a11y=([^;]*)/);
  if (!m) return;
  var root = document.documentElement, parts = m[1].slice(0, 64).split("."), size = "text-100", contrast = "";
  for (var i = 0; i < parts.length; i++) {
    if (/^t(100|125|150|175|200)$/.test(parts[i])) size = "text-" + parts[i].slice(1);
    else if (parts[i] === "hc" || parts[i] === "nc") contrast = parts[i];
  }
  root.className = root.className.replace(/\b(text-\d+|contrast-high|contrast-chosen)\b/g, "").replace(/\s+/g, " ").trim();
  root.classList.add(size);
  if (contrast === "hc") root.classList.add("contrast-high");
  else if (contrast === "nc") root.classList.add("contrast-chosen");
})();
