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
