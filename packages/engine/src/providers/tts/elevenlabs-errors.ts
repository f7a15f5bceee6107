/**
 * The provider's explanation from an ElevenLabs error body: `{"detail": {"status", "message"}}`,
 * `{"detail": "text"}` or a validation list `{"detail": [{"msg": ...}]}`.
 */
export function elevenLabsErrorText(body: string): string | undefined {
  try {
    const detail = (JSON.parse(body) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail))
      return detail
        .map((item) => (item as { msg?: string }).msg ?? '')
        .filter(Boolean)
        .join('; ');
    const message = (detail as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return body.trim().slice(0, 200) || undefined;
  }
}
