/**
 * Resolves once a printed document's QR code is on the page (true), or after `timeoutMs` (false): a print started
 * the moment a sheet mounts must wait for the code, which is signed and drawn asynchronously.
 */
export function whenQrDrawn(root: ParentNode = document, timeoutMs = 3_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const look = (): void => {
      if (root.querySelector('.print-document .document-qr svg path')) resolve(true);
      else if (performance.now() > deadline) resolve(false);
      else requestAnimationFrame(look);
    };
    look();
  });
}
