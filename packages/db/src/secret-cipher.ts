import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A secret value as stored: AES-256-GCM ciphertext, its 12-byte nonce and 16-byte tag. */
export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
}

// The workspace and name are authenticated with the value, so a ciphertext copied onto another
// row (another workspace, another name) fails to decrypt instead of leaking there.
function associatedData(workspaceId: string, name: string): Buffer {
  return Buffer.from(`${workspaceId}\n${name}`, 'utf8');
}

/** Encrypts `value` for the secret `name` of the workspace, with a fresh random nonce. */
export function sealSecret(key: Buffer, workspaceId: string, name: string, value: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(workspaceId, name));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

/** Decrypts a sealed secret; throws when the key, row or bytes do not match. */
export function openSecret(key: Buffer, workspaceId: string, name: string, sealed: SealedSecret): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(associatedData(workspaceId, name));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
}
