import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // shade 6 under white text is only 4:1; 8 passes AA for filled buttons and light-variant text
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"Cascadia Mono", "SF Mono", Menlo, Consolas, monospace',
  // keyboard users must always see where focus is, mouse users get no ring on click
  focusRing: 'auto',
  // every coloured badge picks black or white text by background luminance (contrast requirement)
  autoContrast: true,
  luminanceThreshold: 0.4,
});
