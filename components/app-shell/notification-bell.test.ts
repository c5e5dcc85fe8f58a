import { describe, expect, it } from "vitest";
import { bellLabel, unreadBadgeText } from "./notification-bell";

describe("the bell's unread count", () => {
  it("caps the badge at 99+ but tells assistive technology the exact count", () => {
    expect(unreadBadgeText(7)).toBe("7");
    expect(unreadBadgeText(99)).toBe("99");
    expect(unreadBadgeText(100)).toBe("99+");
    expect(bellLabel(150)).toBe("Notifications, 150 unread");
    expect(bellLabel(0)).toBe("Notifications, none unread");
  });
});
