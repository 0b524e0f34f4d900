// The site header on a narrow screen: the menu button shows and hides the navigation and the
// account tools. Without this script the header simply shows everything (it wraps).
(() => {
  const header = document.querySelector(".site-header");
  const toggle = header && header.querySelector(".menu-toggle");
  const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) return;
  header.classList.add("site-header--collapsible");
  toggle.hidden = false;
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("site-menu--open", open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  // Escape closes the menu (and the account tools) and gives the focus back to what opened it.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const tools = header.querySelector("details.header-tools[open]");
    if (tools && tools.contains(document.activeElement)) {
      tools.open = false;
      tools.querySelector("summary").focus();
    } else if (toggle.getAttribute("aria-expanded") === "true" && header.contains(document.activeElement)) {
      setOpen(false);
      toggle.focus();
    }
  });
})();
