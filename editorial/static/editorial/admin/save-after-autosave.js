/*
 * Wagtail autosaves a new page in the background, then turns the "add" form into the page's "edit" form.
 * A save clicked while that autosave is under way posts the "add" form a second time, and Wagtail refuses
 * it ("This slug is already in use"): the editor's click seems to have failed. So a click on any of the
 * form's buttons during an autosave waits for the autosave to end (the button shows its spinner meanwhile),
 * then goes ahead against the form as the autosave left it. Without JavaScript there is no autosave.
 */
(function () {
  "use strict";

  var LONGEST_WAIT_MS = 20000; // an autosave that never reports back must not swallow the click
  var autosaving = false;
  var held = null;

  function release() {
    autosaving = false;
    if (!held) return;
    var form = held.form;
    var submitter = held.submitter;
    clearTimeout(held.timer);
    held = null;
    if (submitter && (!submitter.isConnected || submitter.form !== form)) {
      // The autosave swapped the footer's buttons: the same action, found by its name.
      submitter = submitter.name ? form.querySelector('[type=submit][name="' + submitter.name + '"]') : null;
    }
    if (submitter) submitter.removeAttribute("disabled"); // a disabled button would not send its action
    form.requestSubmit(submitter || undefined);
  }

  document.addEventListener("w-autosave:save", function (event) {
    if (!event.defaultPrevented) autosaving = true;
  });
  document.addEventListener("w-autosave:success", release);
  document.addEventListener("w-autosave:error", release);
  document.addEventListener("w-autosave:deactivated", release);

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!autosaving || !form.matches("form[data-edit-form]")) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (held) return; // a second click while waiting: one save is enough
      held = { form: form, submitter: event.submitter, timer: setTimeout(release, LONGEST_WAIT_MS) };
    },
    true
  );
})();
