// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
    const printButton = event.target.closest("[data-print]");
    if (printButton) {
        window.print();
    }
});

// 紙のアンケート入力: a box that takes one digit moves on to the next box once it has one, and the last one to the
// save button, so a pile of forms is typed with the number keys and Enter alone. Tab and Shift+Tab work as usual
// (Shift+Tab from the button reaches the comment box).
document.addEventListener("input", (event) => {
    const box = event.target;
    if (!box.matches("input[data-autoadvance]") || !/^[0-9０-９]$/.test(box.value)) return;
    const boxes = [...box.form.querySelectorAll("input[data-autoadvance]")];
    const next = boxes[boxes.indexOf(box) + 1] ?? box.form.querySelector("button[type=submit]");
    if (next) next.focus();
});

// Forms that forgive (docs/ARCHITECTURE.md, "Every resident").
// The error summary takes the focus when a form comes back with problems, so a screen reader reads them first, and
// each of its links puts the focus in the field it names (the first choice of a group) with the label in view.
document.addEventListener("DOMContentLoaded", () => document.getElementById("error-summary")?.focus());

document.addEventListener("click", (event) => {
    const link = event.target.closest(".error-summary a[data-field]");
    if (!link) return;
    const field = document.getElementById(link.hash.slice(1)) ?? document.getElementsByName(link.dataset.field)[0];
    if (!field) return;
    event.preventDefault();
    (field.closest("fieldset, .field") ?? field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
});

// A form posts once: the button says it is working (the words come from the page, in the reader's language) and a
// second press or Enter is ignored until the answer arrives. The button is not disabled, so its own name and value
// still go with the form. Coming back with the browser's Back button gives a form that can be sent again.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.method.toLowerCase() !== "post") return;
    if (form.dataset.sending === "true") {
        event.preventDefault();
        return;
    }
    form.dataset.sending = "true";
    const button = event.submitter;
    if (button && button.form === form) {
        button.dataset.idleText = button.textContent;
        button.textContent = document.body.dataset.busyText ?? button.textContent;
        button.setAttribute("aria-disabled", "true");
        button.classList.add("is-busy");
    }
});

window.addEventListener("pageshow", () => {
    for (const form of document.querySelectorAll("form[data-sending]")) delete form.dataset.sending;
    for (const button of document.querySelectorAll("button.is-busy")) {
        button.textContent = button.dataset.idleText;
        button.removeAttribute("aria-disabled");
        button.classList.remove("is-busy");
    }
});

// A signed-in session ends after a time without a request (Security:StaffIdleTimeoutMinutes). Shortly before, a
// warning offers to go on (WCAG 2.2.1); and what is typed into a form is kept in this tab, so that after signing in
// again — the form's page is where the sign-in returns — it comes back filled, unsaved until sent (WCAG 2.2.6).
// Drafts live in sessionStorage: gone when the tab closes or on signing out, never sent anywhere.
(() => {
    // The sign-in page remembers where it will return (its ReturnUrl); the page it returns to restores its draft.
    const returnUrl = new URLSearchParams(location.search).get("ReturnUrl");
    if (/^\/Account\/Login/i.test(location.pathname) && returnUrl) sessionStorage.setItem("draft:return", returnUrl);
    const seconds = Number(document.body.dataset.sessionSeconds);
    if (!seconds) return;
    const warning = document.getElementById("session-warning");
    const keepAlive = warning?.querySelector("[data-keep-alive]");
    let timer;
    // Two minutes before the end (a fifth of a short session); a timer beyond setTimeout's 24.8 days would fire at once.
    const warnAfter = Math.max(seconds - 120, seconds * 0.8) * 1000;
    const arm = () => {
        clearTimeout(timer);
        if (warning) warning.hidden = true;
        if (warnAfter > 2147483647) return;
        timer = setTimeout(() => {
            warning.hidden = false;
            keepAlive.focus();
        }, warnAfter);
    };
    if (warning) {
        arm();
        keepAlive.addEventListener("click", async () => {
            const answer = await fetch(keepAlive.dataset.keepAlive, { credentials: "same-origin", redirect: "manual" });
            if (answer.ok) arm();
        });
    }

    const forms = [...document.querySelectorAll("main form.form[method=post]")];
    const keyOf = (index) => `draft:${location.pathname}${location.search}:${index}`;
    const fields = (form) => [...form.elements].filter((e) => e.name && !["hidden", "password", "file", "submit", "button"].includes(e.type));
    const cameFromSignIn = sessionStorage.getItem("draft:return") === location.pathname + location.search;
    if (cameFromSignIn) sessionStorage.removeItem("draft:return");
    forms.forEach((form, index) => {
        const key = keyOf(index);
        const saved = sessionStorage.getItem(key);
        if (saved && cameFromSignIn) {
            const values = JSON.parse(saved);
            for (const field of fields(form)) {
                const value = values[field.name];
                if (value === undefined) continue;
                if (field.type === "checkbox" || field.type === "radio") field.checked = [].concat(value).includes(field.value);
                else field.value = Array.isArray(value) ? value[0] : value;
            }
            const notice = document.getElementById("draft-restored");
            if (notice) {
                form.before(notice);
                notice.hidden = false;
            }
        } else if (saved) {
            sessionStorage.removeItem(key); // an ordinary visit starts afresh
        }
        const save = () => {
            const values = {};
            for (const field of fields(form)) {
                if ((field.type === "checkbox" || field.type === "radio")) {
                    if (field.checked) values[field.name] = [].concat(values[field.name] ?? [], field.value);
                } else {
                    values[field.name] = field.value;
                }
            }
            sessionStorage.setItem(key, JSON.stringify(values));
        };
        form.addEventListener("input", save);
        form.addEventListener("change", save);
    });

    document.addEventListener("submit", (event) => {
        if (event.target.matches("form[action*='/Account/Logout']")) sessionStorage.clear();
    });
})();
