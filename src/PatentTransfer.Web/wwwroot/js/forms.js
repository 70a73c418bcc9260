// A form posts once: after the first submit its submit buttons are disabled, so a double click cannot register
// the same organisation twice or show the second request's "already registered" answer.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
  // Disable after the browser has collected the form data (a disabled button's name/value would be dropped).
  setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; }), 0);
});
