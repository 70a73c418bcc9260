// Signs the user out after 30 minutes without input, and keeps the sliding sign-in cookie alive while they
// work in an interactive page (which makes no HTTP requests of its own). Active only when the page carries
// <meta name="pt-idle-timeout" content="seconds">, i.e. for signed-in users.
(() => {
  const meta = document.querySelector('meta[name="pt-idle-timeout"]');
  if (!meta) return;
  const timeoutMs = Number(meta.content) * 1000;
  const pingEveryMs = Math.min(5 * 60 * 1000, timeoutMs / 3);
  let lastActivity = Date.now();
  let lastPing = Date.now();

  const touch = () => { lastActivity = Date.now(); };
  for (const name of ["keydown", "pointerdown", "wheel", "touchstart", "input"]) {
    document.addEventListener(name, touch, { passive: true, capture: true });
  }

  setInterval(async () => {
    const now = Date.now();
    if (now - lastActivity >= timeoutMs) {
      location.assign("/Account/Login?reason=idle&ReturnUrl=" + encodeURIComponent(location.pathname + location.search));
      return;
    }
    if (lastActivity > lastPing && now - lastPing >= pingEveryMs) {
      lastPing = now;
      try {
        const response = await fetch("/Account/KeepAlive", { credentials: "same-origin", cache: "no-store" });
        if (response.status === 401 || response.redirected) {
          location.assign("/Account/Login?reason=idle");
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }
  }, 30 * 1000);
})();
