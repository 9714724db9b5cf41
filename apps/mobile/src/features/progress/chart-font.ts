/** Native: SVG text already uses the system font. */
export const chartFontFamily: string | undefined = undefined;
