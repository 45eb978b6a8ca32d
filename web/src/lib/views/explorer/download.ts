/** Saves bytes or text as a file through the browser's own download (an object URL, then revoked). */
export function download(content: string | Uint8Array, fileName: string, type: string): void {
  // A Uint8Array may view a SharedArrayBuffer, which Blob does not take: copy it into a plain one.
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Some browsers read the URL after click() returns; a minute later it is surely done with.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
