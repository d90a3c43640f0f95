import { expect, test } from "@playwright/test";

test("a known end-to-end failure", () => {
  expect(1 + 1).toBe(3);
});
