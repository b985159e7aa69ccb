/**
 * A stable colour per service name, so a service looks the same in the results table, the
 * waterfall and the service map. Red is left out: it marks errors.
 */
const HUES = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'indigo', 'pink', 'yellow', 'violet', 'green'] as const;
const SHADES = [6, 8, 4] as const;

/** FNV-1a: cheap, and spreads similar names ("api", "api-2") apart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mantine colour name and shade for a service, e.g. { hue: 'teal', shade: 6 }. */
export function serviceHue(service: string): { hue: (typeof HUES)[number]; shade: (typeof SHADES)[number] } {
  const h = hash(service);
  return { hue: HUES[h % HUES.length], shade: SHADES[Math.floor(h / HUES.length) % SHADES.length] };
}

/** A CSS colour (a Mantine variable, so it follows the theme). */
export function serviceColor(service: string): string {
  const { hue, shade } = serviceHue(service);
  return `var(--mantine-color-${hue}-${shade})`;
}
