import { useEffect, useState } from 'react';
import { toHex } from './signaturePad';

export interface SignatureImage {
  /** A `blob:` URL of the image while the page shows it. */
  src?: string;
  /** The image's SHA-256 is the one kept with the signature (undefined: not checked, e.g. no Web Crypto). */
  matches?: boolean;
  failed?: boolean;
}

/**
 * A signature's image, read from its short-lived link (object storage, not the console's origin)
 * into a `blob:` URL: the console's CSP shows images only from itself, `data:` and `blob:`, and
 * the link's origin is one it may fetch from (as attachments are uploaded). The bytes are hashed
 * on the way, so the page can say the image is the one signed. Once read it is kept (a re-read
 * record carries a new link to the same image); a link that failed (expired) is tried again when
 * the record brings a new one.
 */
export function useSignatureImage(url: string | null | undefined, sha256: string): SignatureImage {
  const [image, setImage] = useState<SignatureImage & { sha?: string }>({});
  const loaded = image.src !== undefined && image.sha === sha256;
  const target = loaded ? null : (url ?? null);
  useEffect(() => {
    if (!target) return undefined;
    const aborted = new AbortController();
    void (async () => {
      try {
        const res = await fetch(target, { signal: aborted.signal, credentials: 'omit' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const blob = await res.blob();
        const subtle = globalThis.crypto?.subtle;
        const matches = subtle ? toHex(await subtle.digest('SHA-256', await blob.arrayBuffer())) === sha256 : undefined;
        if (aborted.signal.aborted) return;
        setImage({ src: URL.createObjectURL(blob), sha: sha256, ...(matches === undefined ? {} : { matches }) });
      } catch {
        if (!aborted.signal.aborted) setImage({ failed: true });
      }
    })();
    return () => aborted.abort();
  }, [target, sha256]);
  // The object URL lives as long as the image is shown.
  useEffect(() => {
    const src = image.src;
    return () => {
      if (src) URL.revokeObjectURL(src);
    };
  }, [image.src]);
  return image;
}
