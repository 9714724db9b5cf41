// Learn more: https://docs.expo.dev/guides/customizing-metro/
const path = require('path');
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);

// expo-sqlite's web build runs SQLite as WebAssembly: the .wasm file ships as an asset.
config.resolver.assetExts.push('wasm');

// zod's `z` namespace re-exports every locale, and Metro does not tree-shake, so each one
// would ship on the first screen (storage validates with zod). Only English is ever used.
const zodLocalesIndex = path.join(
  path.dirname(require.resolve('zod/package.json')),
  'v4/locales/index.js',
);
const zodLocalesEnglish = path.join(__dirname, 'metro/zod-locales-en.js');

config.resolver.resolveRequest = (context, moduleName, platform) => {
  const resolution = context.resolveRequest(context, moduleName, platform);
  if (resolution.type === 'sourceFile' && resolution.filePath === zodLocalesIndex) {
    return { type: 'sourceFile', filePath: zodLocalesEnglish };
  }
  return resolution;
};

module.exports = config;
