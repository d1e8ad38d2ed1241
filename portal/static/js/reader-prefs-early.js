/* Runs in <head> before first paint: applies the reader's saved text size and contrast from the
   "a11y" cookie, so a page served from a shared cache never flashes the default style.
   Cookie format (see accessibility/preferences.py): "t150.hc" = 150 % text, high contrast chosen;
   "nc" = normal contrast chosen. Unknown tokens are ignored. */
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
