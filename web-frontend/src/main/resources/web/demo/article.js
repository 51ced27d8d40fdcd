// The demo article's "try your own song": the chosen file is handed to the widget as a blob: URL. It works here
// because the article and the widget come from the same server (a blob: URL belongs to its page's origin).

const input = document.getElementById('own-song');
const widget = document.getElementById('demo-widget');
let objectUrl = null;

input.addEventListener('change', () => {
  const file = input.files && input.files[0];
  if (!file) return;
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(file);
  widget.setAttribute('name', file.name);
  widget.setAttribute('src', objectUrl);
});
