// Samtak's only script, and pages work without it. A link in a form's error summary moves the
// focus to its field and scrolls so that the field's label (or its group's legend) stays in view,
// instead of the browser's jump that puts the input at the very top with its label cut off.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element && event.target.closest('[data-error-summary] a[href^="#"]');
  if (!link) return;
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  const field = target.matches('input, select, textarea')
    ? target
    : (target.querySelector('input:not([type="hidden"]), select, textarea') ?? target);
  const shell = target.closest('fieldset, .field') ?? target;
  shell.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
});
