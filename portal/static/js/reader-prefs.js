/* Reader toolbar with JavaScript: the change is instant (no reload) and stored in the same "a11y"
   cookie the no-JavaScript form sets on the server. Also drives the read-aloud component.
   Progressive enhancement only: without this file both still work (toolbar) or stay hidden (read aloud). */
(function () {
  "use strict";
  var SIZES = [100, 125, 150, 175, 200];
  var root = document.documentElement;

  function readCookie() {
    var m = document.cookie.match(/(?:^|;\s*)a11y=([^;]*)/), prefs = { size: 100, contrast: "" };
    if (!m) return prefs;
    m[1].slice(0, 64).split(".").forEach(function (part) {
      if (/^t(100|125|150|175|200)$/.test(part)) prefs.size = parseInt(part.slice(1), 10);
      else if (part === "hc" || part === "nc") prefs.contrast = part;
    });
    return prefs;
  }

  function writeCookie(prefs) {
    var value = "t" + prefs.size + (prefs.contrast ? "." + prefs.contrast : "");
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "a11y=" + value + "; path=/; max-age=31536000; SameSite=Lax" + secure;
  }

  function applyClasses(prefs) {
    root.className = root.className.replace(/\b(text-\d+|contrast-high|contrast-chosen)\b/g, "").replace(/\s+/g, " ").trim();
    root.classList.add("text-" + prefs.size);
    if (prefs.contrast === "hc") root.classList.add("contrast-high");
    else if (prefs.contrast === "nc") root.classList.add("contrast-chosen");
  }

  function syncButtons(form, prefs) {
    var high = prefs.contrast === "hc";
    var states = {
      smaller: ["aria-disabled", prefs.size === SIZES[0]],
      reset: ["aria-pressed", prefs.size === SIZES[0]],
      larger: ["aria-disabled", prefs.size === SIZES[SIZES.length - 1]],
      "contrast-high": ["aria-pressed", high],
      "contrast-default": ["aria-pressed", !high]
    };
    Array.prototype.forEach.call(form.querySelectorAll("button[name=action]"), function (button) {
      var state = states[button.value];
      if (state) button.setAttribute(state[0], state[1] ? "true" : "false");
    });
  }

  function nextPrefs(prefs, action) {
    var index = SIZES.indexOf(prefs.size), next = { size: prefs.size, contrast: prefs.contrast };
    if (action === "smaller" && index > 0) next.size = SIZES[index - 1];
    else if (action === "larger" && index < SIZES.length - 1) next.size = SIZES[index + 1];
    else if (action === "reset") next.size = SIZES[0];
    else if (action === "contrast-high") next.contrast = "hc";
    else if (action === "contrast-default") next.contrast = "nc";
    return next;
  }

  function announce(form, action, prefs) {
    var status = form.querySelector("[data-reader-prefs-status]");
    if (!status) return;
    var text = action.indexOf("contrast") === 0
      ? form.getAttribute(prefs.contrast === "hc" ? "data-msg-contrast-high" : "data-msg-contrast-default")
      : (form.getAttribute("data-msg-size") || "").replace("{size}", prefs.size);
    // Clear first so the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function initToolbar(form) {
    syncButtons(form, readCookie());  // the page may come from a cache shared with other readers
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "action") return;  // unknown browser: let the form post
      event.preventDefault();
      if (button.getAttribute("aria-disabled") === "true") return;
      var prefs = nextPrefs(readCookie(), button.value);
      writeCookie(prefs);
      applyClasses(prefs);
      syncButtons(form, prefs);
      announce(form, button.value, prefs);
    });
  }

  /* Read aloud with the browser's own speech synthesis; no text leaves the device. */
  function initReadAloud(box) {
    var synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;  // stays hidden
    var target = document.querySelector(box.getAttribute("data-read-aloud-target") || ".article");
    if (!target) return;
    var lang = box.getAttribute("data-lang") || "vi-VN";
    var play = box.querySelector("[data-read-aloud-play]");
    var pause = box.querySelector("[data-read-aloud-pause]");
    var stop = box.querySelector("[data-read-aloud-stop]");
    var status = box.querySelector("[data-read-aloud-status]");
    var state = "stopped", run = 0;  // run: ignore late events from a reading that was cancelled

    function voiceFor() {
      var voices = synth.getVoices(), prefix = lang.slice(0, 2).toLowerCase();
      for (var i = 0; i < voices.length; i++) {
        if (voices[i].lang && voices[i].lang.toLowerCase().replace("_", "-").indexOf(prefix) === 0) return voices[i];
      }
      return null;
    }

    function setState(next) {
      state = next;
      box.setAttribute("data-state", next);
      play.disabled = next === "playing";
      pause.disabled = next !== "playing";
      stop.disabled = next === "stopped";
      status.textContent = box.getAttribute("data-msg-" + next) || "";
    }

    function textChunks() {
      // The article's text without the read-aloud controls, one utterance per paragraph: long single
      // utterances are cut off by some engines, and pausing between paragraphs sounds natural.
      var parts = [];
      Array.prototype.forEach.call(target.children, function (child) {
        if (child !== box && !child.contains(box)) parts.push(child.innerText);
      });
      return parts.join("\n").split(/\n+/).map(function (t) { return t.trim(); }).filter(Boolean);
    }

    play.addEventListener("click", function () {
      if (state === "paused") { synth.resume(); setState("playing"); pause.focus(); return; }
      synth.cancel();
      var mine = ++run, voice = voiceFor(), chunks = textChunks();
      chunks.forEach(function (text, index) {
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        if (voice) utterance.voice = voice;
        if (index === chunks.length - 1) {
          utterance.onend = function () {
            if (mine !== run) return;
            var hadFocus = box.contains(document.activeElement);
            setState("stopped");
            if (hadFocus) play.focus();
          };
        }
        utterance.onerror = function (event) {
          if (mine !== run || (event && (event.error === "interrupted" || event.error === "canceled"))) return;
          setState("stopped");
        };
        synth.speak(utterance);
      });
      setState("playing");
      pause.focus();  // the play button is now disabled: keep keyboard focus on a live control
    });
    pause.addEventListener("click", function () { synth.pause(); setState("paused"); play.focus(); });
    stop.addEventListener("click", function () { run++; synth.cancel(); setState("stopped"); play.focus(); });
    window.addEventListener("pagehide", function () { synth.cancel(); });
    box.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-reader-prefs]"), initToolbar);
    Array.prototype.forEach.call(document.querySelectorAll("[data-read-aloud]"), initReadAloud);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
