// Drag and drop anywhere on the page: the body gets the class "dragging" while a file is over it.

export function acceptDrops(doc, onFile) {
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
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) onFile(file);
  });
}
