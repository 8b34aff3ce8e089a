/** Base64 for the binary slices a backup moves through IPC (JSON carries strings, and base64 needs no escaping). */
type WithBase64 = { toBase64?: () => string };
type FromBase64 = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as WithBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as FromBase64).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
