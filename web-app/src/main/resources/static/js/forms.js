// A form sends once: the button is disabled after the first submit. The Idempotency-Key drawn with
// the form makes a second send harmless anyway; this only spares the person a confusing wait.
document.querySelectorAll('form.recording').forEach(function (form) {
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type="submit"]');
    if (button) setTimeout(function () { button.disabled = true; }, 0);
  });
});
