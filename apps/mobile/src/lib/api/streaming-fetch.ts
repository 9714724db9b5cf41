// React Native's built-in fetch (whatwg-fetch over XHR) has no response body stream;
// Expo's fetch does, so phones read the coach's words as they arrive.
export { fetch as streamingFetch } from 'expo/fetch';
