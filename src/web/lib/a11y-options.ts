// The options of the accessible reading mode (source document 001: font size, letter spacing,
// colour scheme, images on or off). Plain data, so the locale test can check their labels.

export const FONT_SIZES = ['large', 'larger', 'largest'] as const;
export const SPACINGS = ['normal', 'wide', 'wider'] as const;
export const SCHEMES = ['dark', 'light', 'blue'] as const;

export type A11ySettings = {
  fontSize: (typeof FONT_SIZES)[number];
  spacing: (typeof SPACINGS)[number];
  scheme: (typeof SCHEMES)[number];
  images: boolean;
};

export const DEFAULT_A11Y_SETTINGS: A11ySettings = {
  fontSize: 'large',
  spacing: 'normal',
  scheme: 'dark',
  images: false,
};
