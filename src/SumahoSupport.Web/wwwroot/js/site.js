// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
    const printButton = event.target.closest("[data-print]");
    if (printButton) {
        window.print();
    }
});
