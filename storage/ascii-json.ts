/**
 * JSON with every non-ASCII character written as a \u escape. Large request bodies with multi-byte characters
 * come back altered from the embedded Azurite (it decodes the body in chunks), so big JSON values are kept ASCII.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
