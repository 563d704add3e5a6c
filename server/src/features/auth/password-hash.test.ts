import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT, hashPassword, verifyAgainstDummy, verifyPassword } from "./password-hash.js";
import { TEST_SCRYPT } from "./testing/auth-test-server.test-support.js";

describe("password hashing (scrypt, PHC strings)", () => {
  it("encodes its parameters and a fresh salt, and verifies only the right password", async () => {
    const first = await hashPassword("tidal quartz lantern", TEST_SCRYPT);
    const second = await hashPassword("tidal quartz lantern", TEST_SCRYPT);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword("tidal quartz lantern", first)).toBe(true);
    expect(await verifyPassword("tidal quartz lanterN", first)).toBe(false);
    expect(await verifyPassword("", first)).toBe(false);
  });

  it("uses N = 2^15, r = 8, p = 1 by default", async () => {
    expect(DEFAULT_SCRYPT).toEqual({ logN: 15, r: 8, p: 1 });
    expect(await hashPassword("x")).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
  });

  it("keeps verifying hashes made with other parameters (so the cost can be raised later)", async () => {
    const stronger = await hashPassword("raise the cost later", { logN: 11, r: 8, p: 2 });
    expect(stronger).toMatch(/^\$scrypt\$ln=11,r=8,p=2\$/);
    expect(await verifyPassword("raise the cost later", stronger)).toBe(true);
  });

  it("treats composed and decomposed accents alike (NFC)", async () => {
    const hash = await hashPassword("caf\u00e9 au lait chaud", TEST_SCRYPT);
    expect(await verifyPassword("cafe\u0301 au lait chaud", hash)).toBe(true);
  });

  it("never matches an unreadable hash or one with absurd parameters", async () => {
    const hash = await hashPassword("p", TEST_SCRYPT);
    expect(await verifyPassword("p", "plain-text")).toBe(false);
    expect(await verifyPassword("p", hash.replace("ln=10", "ln=30"))).toBe(false);
    expect(await verifyPassword("p", hash.slice(0, -4))).toBe(false);
  });

  it("refuses to hash with parameters outside the supported range", async () => {
    await expect(hashPassword("p", { logN: 4, r: 8, p: 1 })).rejects.toThrow(RangeError);
  });

  it("spends a verification on the dummy hash and answers false", async () => {
    expect(await verifyAgainstDummy("anything at all")).toBe(false);
  });
});
