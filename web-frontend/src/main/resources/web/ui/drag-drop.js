// Drag and drop anywhere on the page: the body gets the class "dragging" while a file is over it.

/** onFiles(files): every file dropped at once (a song, or several presets). */
export function acceptDrops(doc, onFiles) {
  let depth = 0;
  doc.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    doc.body.classList.add('dragging');
  });
  doc.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  doc.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) doc.body.classList.remove('dragging');
  });
  doc.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    doc.body.classList.remove('dragging');
    const files = e.dataTransfer && e.dataTransfer.files ? [...e.dataTransfer.files] : [];
    if (files.length > 0) onFiles(files);
  });
}
