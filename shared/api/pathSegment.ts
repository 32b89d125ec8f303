/** Path segments arrive url-encoded locally and may arrive decoded behind API Gateway: decode only what is still encoded. */
export function decodePathSegment(value: string): string {
  if (!/%[0-9a-fA-F]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
