/* Alert banners: hide the ones this reader dismissed (also on cached pages), dismiss without a reload. */
(function () {
  "use strict";
  var COOKIE = "dismissed_alerts";
  var MAX_KEYS = 20;
  var MAX_AGE = 60 * 60 * 24 * 90;

  function readKeys() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    if (!match) return [];
    return match[1].split(".").filter(function (key) { return /^[0-9a-f]{12}$/.test(key); });
  }

  function remember(key) {
    var keys = [key].concat(readKeys().filter(function (existing) { return existing !== key; })).slice(0, MAX_KEYS);
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = COOKIE + "=" + keys.join(".") + "; Max-Age=" + MAX_AGE + "; Path=/; SameSite=Lax" + secure;
  }

  function init() {
    var hidden = readKeys();
    document.querySelectorAll(".alert-banner[data-alert-key]").forEach(function (banner) {
      var key = banner.getAttribute("data-alert-key");
      var form = banner.querySelector(".alert-banner__dismiss");
      if (!form) return;
      if (hidden.indexOf(key) !== -1) { banner.hidden = true; return; }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        remember(key);
        banner.hidden = true;
        // Keep keyboard and screen-reader users in place: focus moves to the main content.
        var main = document.getElementById("main-content");
        if (main) main.focus();
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
