/**
 * Content-Disposition for downloading a flow as `<name>.json`: an ASCII fallback name plus the
 * exact UTF-8 name (RFC 6266 / RFC 5987), so no header-breaking character gets through.
 */
export function attachmentDisposition(flowName: string): string {
  const base = flowName.trim() || 'flow';
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\/:*?<>|]+/g, '-')
      .trim() || 'flow';
  return `attachment; filename="${ascii}.json"; filename*=UTF-8''${encodeRfc5987(`${base}.json`)}`;
}

// encodeURIComponent leaves ' ( ) * alone, but RFC 5987 values must escape them too.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
