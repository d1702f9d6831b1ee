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
