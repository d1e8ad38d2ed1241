/* Runs in <head> before first paint: applies the reader's saved text size and contrast from the
   "a11y" cookie, so a page served from a shared cache never flashes the default style. */
(function () {
  var m = document.cookie.match(/(?:^|;\s*)a11y=([^;]*)/);
  if (!m) return;
  var root = document.documentElement, parts = m[1].split("."), size = "text-100", hc = false;
  for (var i = 0; i < parts.length; i++) {
    if (/^t(100|125|150|175|200)$/.test(parts[i])) size = "text-" + parts[i].slice(1);
    else if (parts[i] === "hc") hc = true;
  }
  root.className = root.className.replace(/\btext-\d+\b/g, "").replace(/\bcontrast-high\b/g, "").trim();
  root.classList.add(size);
  if (hc) root.classList.add("contrast-high");
})();
