// A server-rendered form posts once: after the first submit its submit buttons are disabled, so a double click
// cannot register the same organisation twice or show the second request's "already registered" answer. Only
// forms with an explicit method (the static account pages) are touched: interactive forms are handled by Blazor
// and must stay usable after a failed validation.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("method") || event.defaultPrevented) return;
  // Disable after the browser has collected the form data (a disabled button's name/value would be dropped).
  setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; }), 0);
});
