import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Dark when Office's own theme is dark (its body background is dark), light otherwise. */
export function officeTheme(): Theme {
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    if (background && luminance(background) < 0.35) return webDarkTheme;
  } catch {
    // Office.context is not there outside Office.
  }
  return webLightTheme;
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
