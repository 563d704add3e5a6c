import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords.js";
import { checkPasswordPolicy } from "./password-policy.js";

describe("the password policy (ASVS 6.2)", () => {
  it("accepts long passphrases with any characters, up to 256", () => {
    expect(checkPasswordPolicy("tidal quartz lantern", "alice")).toEqual([]);
    expect(checkPasswordPolicy("ünïcødé-pässwörd-✓", "alice")).toEqual([]);
    expect(checkPasswordPolicy("x".repeat(255) + "y", "alice")).toEqual([]);
  });

  it("needs at least 12 characters, counted as characters not bytes", () => {
    expect(checkPasswordPolicy("short-pass1", "alice")[0]).toMatch(/at least 12 characters \(it has 11\)/);
    expect(checkPasswordPolicy("✓✓✓✓✓✓✓✓✓✓✓x", "alice")).toEqual([]);
  });

  it("refuses more than 256 characters", () => {
    expect(checkPasswordPolicy("ab".repeat(129), "alice")[0]).toMatch(/at most 256/);
  });

  it("refuses the common passwords, whatever their case", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(200);
    expect(checkPasswordPolicy("Password1234", "alice")).toEqual([expect.stringMatching(/most common/)]);
    expect(checkPasswordPolicy("QWERTYUIOP123", "alice")).toEqual([expect.stringMatching(/most common/)]);
  });

  it("refuses the username itself and one character repeated", () => {
    expect(checkPasswordPolicy("Marguerite.Dupont", "marguerite.dupont")).toEqual(["The password must not be the username."]);
    expect(checkPasswordPolicy("aaaaaaaaaaaaaaaa", "alice")).toEqual(["The password must not be one character repeated."]);
  });
});
