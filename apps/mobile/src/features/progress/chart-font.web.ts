// SVG text in a browser falls back to the page's serif default; this is the stack
// react-native-web gives its Text, so chart labels match the rest of the app.
export const chartFontFamily: string | undefined =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
