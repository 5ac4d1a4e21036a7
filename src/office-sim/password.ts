/** Sheet-protection password hashes as stored in .xlsx (ECMA-376 agile hashing, like exceljs writes). */
import { createHash, randomBytes } from "node:crypto";
import type { PasswordHash } from "./model";

function algorithm(name: string): string {
  return name.toLowerCase().replace("-", "");
}

export function hashPassword(password: string, algorithmName: string, saltValue: string, spinCount: number): string {
  const algo = algorithm(algorithmName);
  let key = createHash(algo).update(Buffer.concat([Buffer.from(saltValue, "base64"), Buffer.from(password, "utf16le")])).digest();
  const iterator = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    iterator.writeUInt32LE(i, 0);
    key = createHash(algo).update(Buffer.concat([key, iterator])).digest();
  }
  return key.toString("base64");
}

export function makePasswordHash(password: string, spinCount = 1000): PasswordHash {
  const saltValue = randomBytes(16).toString("base64");
  return { algorithmName: "SHA-512", saltValue, spinCount, hashValue: hashPassword(password, "SHA-512", saltValue, spinCount) };
}

export function checkPassword(password: string, hash: PasswordHash): boolean {
  try {
    return hashPassword(password, hash.algorithmName, hash.saltValue, hash.spinCount) === hash.hashValue;
  } catch {
    return false;
  }
}
